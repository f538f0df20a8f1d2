package com.carloan.overdue.identity;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * The groups of CONTRACT §3. Their ids are public names: BPMN candidate groups, Camunda
 * authorizations and {@link GroupAuthority} all spell them through these constants.
 */
public final class CollectionGroups {

  public static final String ADMIN = Groups.CAMUNDA_ADMIN;
  public static final String AGENT = "collection-agent";
  public static final String SUPERVISOR = "collection-supervisor";
  /** A supervisor's rights and the approvals above a supervisor's authority (CONTRACT §3, §5). */
  public static final String MANAGER = "collection-manager";
  public static final String LEGAL = "legal-officer";
  public static final String PROCESS_OWNER = "process-owner";
  public static final String INTEGRATION = "integration";
  /** Monitoring: scrapes /actuator/prometheus and nothing else. */
  public static final String METRICS = "metrics";

  /**
   * The collection teams of the shipped {@code caseAllocation} decision (CONTRACT §4). A team is a
   * group: its agents are the members who are also in {@link #AGENT}; a process owner who adds a team to
   * the decision adds a group of that id in Admin.
   */
  public static final String TEAM_M1 = "team-m1";
  public static final String TEAM_M2 = "team-m2";
  public static final String TEAM_M3 = "team-m3";
  /** {@link #TEAM_M1}, {@link #TEAM_M2}, {@link #TEAM_M3}, in bucket order. */
  public static final List<String> TEAMS = List.of(TEAM_M1, TEAM_M2, TEAM_M3);

  /** The groups that are roles, not teams. */
  public static final Set<String> ROLES = Set.of(ADMIN, AGENT, SUPERVISOR, MANAGER, LEGAL,
      PROCESS_OWNER, INTEGRATION, METRICS);

  private CollectionGroups() {
  }
}
