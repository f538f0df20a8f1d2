package com.carloan.overdue.allocation;

import com.carloan.overdue.identity.CollectionGroups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What allocation tests change of the shared database and settings, and put back afterwards: fresh agents
 * and teams, who is available, the capacity and holding period. Tests of other classes share the database,
 * so a test measures its own agents instead of assuming the demo agents' counts.
 */
final class Teams {


  private final IdentityService identity;
  private final OwnershipMoves moves;
  private final TeamMembers members;
  private final Allocation allocation;
  private final AllocationSettings settings;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  private final int capacity;
  private final Duration holdingPeriod;
  private final List<String[]> memberships = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();
  private final Set<String> madeUnavailable = new LinkedHashSet<>();

  Teams(IdentityService identity, OwnershipMoves moves, TeamMembers members, Allocation allocation,
      AllocationSettings settings, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.identity = identity;
    this.moves = moves;
    this.members = members;
    this.allocation = allocation;
    this.settings = settings;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.capacity = settings.getCapacity();
    this.holdingPeriod = settings.getHoldingPeriod();
  }

  /** A team group nobody else uses; the decision never names it, a transfer toTeam does. */
  String freshTeam() {
    String id = "team-t-" + UUID.randomUUID().toString().substring(0, 8);
    Group group = identity.newGroup(id);
    group.setName("Test team " + id);
    group.setType("WORKFLOW");
    identity.saveGroup(group);
    groups.add(id);
    return id;
  }

  /** A new collection agent in the team; {@code suffix} only makes the id readable in a failure message. */
  String freshAgent(String team, String suffix) {
    String id = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + suffix;
    User user = identity.newUser(id);
    user.setFirstName("Test");
    user.setLastName(id);
    user.setPassword(id);
    identity.saveUser(user);
    join(id, CollectionGroups.AGENT);
    join(id, team);
    return id;
  }

  void join(String userId, String group) {
    identity.createMembership(userId, group);
    memberships.add(new String[] {userId, group});
  }

  /** Everyone else of the team stops taking new cases until {@link #restore()}; their cases stay theirs. */
  void onlyAvailable(String team, String... agents) {
    Set<String> keep = Set.of(agents);
    for (String agent : members.agentsOf(team)) {
      if (!keep.contains(agent)) {
        unavailable(agent);
      }
    }
  }

  void unavailable(String agent) {
    moves.availability(agent, false, "TEST", false, "test");
    madeUnavailable.add(agent);
  }

  void capacity(int openCases) {
    settings.setCapacity(openCases);
  }

  void holdingPeriod(Duration period) {
    settings.setHoldingPeriod(period);
  }

  /** Nothing waits for capacity in the demo teams' pools: a test's pooled case is the only one. */
  void drainPools() {
    for (String team : CollectionGroups.TEAMS) {
      transaction.execute(status -> allocation.allocateFromPool(team));
    }
  }

  int openCases(String agent) {
    return jdbc.queryForObject("select count(*) from case_ownership where owner = ? and closed_at is null",
        Integer.class, agent);
  }

  /** The owner of the loan's open case as the table holds it; null while it waits in the pool. */
  String ownerOf(String loanId) {
    return jdbc.queryForObject("select owner from case_ownership where loan_id = ? and closed_at is null",
        String.class, loanId);
  }

  /** The case's history as the table holds it, oldest first. */
  List<Map<String, Object>> events(String loanId) {
    return jdbc.queryForList("select kind, at, actor, from_agent, to_agent, from_team, to_team, from_bucket, "
        + "to_bucket, reason from ownership_event where loan_id = ? order by id", loanId);
  }

  List<String> kinds(String loanId) {
    return events(loanId).stream().map(e -> (String) e.get("kind")).toList();
  }

  /** Puts back what the test changed: settings first, so that restored agents take pooled cases as usual. */
  void restore() {
    settings.setCapacity(capacity);
    settings.setHoldingPeriod(holdingPeriod);
    for (String agent : madeUnavailable) {
      moves.availability(agent, true, null, false, "test");
    }
    madeUnavailable.clear();
    for (String[] membership : memberships) {
      identity.deleteMembership(membership[0], membership[1]);
    }
    memberships.clear();
    drainPools();
  }
}
