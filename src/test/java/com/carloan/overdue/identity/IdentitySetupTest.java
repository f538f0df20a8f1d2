package com.carloan.overdue.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IdentityContext
class IdentitySetupTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentitySetup setup;
  @Autowired
  IdentityService identity;
  @Autowired
  AuthorizationService authorizations;
  @Autowired
  FilterService filters;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void demoUsersBelongToTheirContractGroups() {
    Map<String, List<String>> groupsOfUser = Map.ofEntries(
        Map.entry("admin", List.of("camunda-admin")),
        Map.entry("agent1", List.of("collection-agent", "team-m1")),
        Map.entry("agent2", List.of("collection-agent", "team-m1")),
        Map.entry("agent3", List.of("collection-agent", "team-m2")),
        Map.entry("agent4", List.of("collection-agent", "team-m3")),
        Map.entry("supervisor1", List.of("collection-supervisor")),
        Map.entry("supervisor2", List.of("collection-supervisor")),
        Map.entry("manager1", List.of("collection-manager")),
        Map.entry("legal1", List.of("legal-officer")),
        Map.entry("owner1", List.of("process-owner")),
        Map.entry("loansys", List.of("integration")));

    groupsOfUser.forEach((userId, groupIds) -> {
      User user = identity.createUserQuery().userId(userId).singleResult();
      assertThat(user).as(userId).isNotNull();
      assertThat(user.getFirstName()).isNotBlank();
      assertThat(user.getLastName()).isNotBlank();
      assertThat(identity.checkPassword(userId, userId)).as(userId + " password").isTrue();
      assertThat(identity.createGroupQuery().groupMember(userId).list()).as(userId)
          .extracting(Group::getId).containsExactlyInAnyOrderElementsOf(groupIds);
    });
    assertThat(identity.createGroupQuery().groupId("camunda-admin").singleResult().getType())
        .isEqualTo("SYSTEM");
    assertThat(identity.createGroupQuery().groupType("WORKFLOW").list()).extracting(Group::getId)
        .containsExactlyInAnyOrder("collection-agent", "collection-supervisor", "collection-manager",
            "team-m1", "team-m2", "team-m3", "legal-officer", "process-owner", "integration");
  }

  @Test
  void runningTheSetupAgainCreatesNothingAndKeepsChangedPasswords() {
    User supervisor = identity.createUserQuery().userId("supervisor2").singleResult();
    supervisor.setPassword("changed-by-supervisor2");
    identity.saveUser(supervisor);
    List<Long> before = counts();

    setup.apply(engine);
    setup.apply(engine);

    assertThat(counts()).isEqualTo(before);
    assertThat(identity.checkPassword("supervisor2", "changed-by-supervisor2")).isTrue();
    supervisor = identity.createUserQuery().userId("supervisor2").singleResult();
    supervisor.setPassword("supervisor2");
    identity.saveUser(supervisor);
  }

  @Test
  void setupRestoresAMissingGrantWithoutTouchingOthers() {
    String agentTasklist = authorizations.createAuthorizationQuery()
        .groupIdIn("collection-agent").resourceType(Resources.APPLICATION).resourceId("tasklist")
        .singleResult().getId();
    authorizations.deleteAuthorization(agentTasklist);
    assertThat(canAccess("agent1", "collection-agent", "tasklist")).isFalse();

    setup.apply(engine);

    assertThat(canAccess("agent1", "collection-agent", "tasklist")).isTrue();
  }

  @Test
  void theEngineLooksForNoRevokesBecauseTheApplicationGrantsOnly() {
    assertThat(engine.getProcessEngineConfiguration().getAuthorizationCheckRevokes())
        .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    assertThat(authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_REVOKE).count()).isZero();

    // What "never" means: a revoke an administrator adds is not looked at (hence: back to auto first).
    Authorization revoke = authorizations.createNewAuthorization(AUTH_TYPE_REVOKE);
    revoke.setUserId("agent1");
    revoke.setResource(Resources.APPLICATION);
    revoke.setResourceId(GroupRights.TASKLIST);
    revoke.removePermission(Permissions.ACCESS);
    revoke = authorizations.saveAuthorization(revoke);
    try {
      assertThat(canAccess("agent1", "collection-agent", "tasklist")).isTrue();
    } finally {
      authorizations.deleteAuthorization(revoke.getId());
    }
  }

  @Test
  void onlyAdminsAndProcessOwnersMayDeploy() {
    identity.setAuthentication("agent1", List.of("collection-agent"));
    assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
        .addString("x.dmn", "<definitions/>").deploy())
        .isInstanceOf(AuthorizationException.class);
    identity.clearAuthentication();

    assertThat(authorizations.isUserAuthorized("owner1", List.of("process-owner"),
        Permissions.CREATE, Resources.DEPLOYMENT)).isTrue();
    assertThat(authorizations.isUserAuthorized("supervisor1", List.of("collection-supervisor"),
        Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
  }

  @Test
  void webappAccessFollowsTheContract() {
    assertThat(canAccess("agent1", "collection-agent", "tasklist")).isTrue();
    assertThat(canAccess("agent1", "collection-agent", "cockpit")).isFalse();
    assertThat(canAccess("legal1", "legal-officer", "tasklist")).isTrue();
    assertThat(canAccess("supervisor1", "collection-supervisor", "cockpit")).isTrue();
    assertThat(canAccess("owner1", "process-owner", "cockpit")).isTrue();
    assertThat(canAccess("owner1", "process-owner", "tasklist")).isFalse();
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      assertThat(canAccess("loansys", "integration", app)).as(app).isFalse();
    }
    // The engine's own grant to read the group itself is all integration has.
    assertThat(authorizations.createAuthorizationQuery().groupIdIn("integration").list())
        .allSatisfy(grant -> assertThat(grant.getResourceType())
            .isEqualTo(Resources.GROUP.resourceType()));
  }

  private boolean canAccess(String userId, String groupId, String app) {
    return authorizations.isUserAuthorized(userId, List.of(groupId), Permissions.ACCESS,
        Resources.APPLICATION, app);
  }

  private List<Long> counts() {
    return List.of(
        identity.createUserQuery().count(),
        identity.createGroupQuery().count(),
        identity.createGroupQuery().list().stream()
            .mapToLong(group -> identity.createUserQuery().memberOfGroup(group.getId()).count())
            .sum(),
        authorizations.createAuthorizationQuery().count(),
        filters.createFilterQuery().count());
  }
}
