package com.carloan.overdue.allocation;

import com.carloan.overdue.identity.CollectionGroups;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * A team's agents, from the engine's identity service: the members of the team's group who are also in
 * {@code collection-agent}. Administrators staff teams in Admin (or the directory behind it).
 */
@Component
class TeamMembers {

  private final IdentityService identity;

  TeamMembers(IdentityService identity) {
    this.identity = identity;
  }

  List<String> agentsOf(String team) {
    Set<String> agents = ids(identity.createUserQuery().memberOfGroup(CollectionGroups.AGENT).list());
    return identity.createUserQuery().memberOfGroup(team).orderByUserId().asc().list().stream()
        .map(User::getId).filter(agents::contains).toList();
  }

  boolean isAgentOf(String team, String userId) {
    return userId != null && identity.createUserQuery().userId(userId).memberOfGroup(team).count() > 0
        && identity.createUserQuery().userId(userId).memberOfGroup(CollectionGroups.AGENT).count() > 0;
  }

  boolean isAgent(String userId) {
    return userId != null && identity.createUserQuery().userId(userId).memberOfGroup(CollectionGroups.AGENT).count() > 0;
  }

  boolean isTeam(String team) {
    return team != null && identity.createGroupQuery().groupId(team).count() > 0;
  }

  /** The teams an agent is in: their groups that some decision names as a team, i.e. every group but the roles'. */
  List<String> teamsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream()
        .map(group -> group.getId())
        .filter(id -> !CollectionGroups.ROLES.contains(id))
        .toList();
  }

  private static Set<String> ids(List<User> users) {
    return users.stream().map(User::getId).collect(Collectors.toSet());
  }
}
