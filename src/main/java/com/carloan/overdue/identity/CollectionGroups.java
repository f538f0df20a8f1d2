package com.carloan.overdue.identity;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * The groups of CONTRACT §3. Their ids are public names: BPMN candidate groups, Camunda
 * authorizations and {@link GroupAuthority} all spell them through these constants.
 */
public final class CollectionGroups {

  public static final String ADMIN = Groups.CAMUNDA_ADMIN;
  public static final String AGENT = "collection-agent";
  public static final String SUPERVISOR = "collection-supervisor";
  public static final String LEGAL = "legal-officer";
  public static final String PROCESS_OWNER = "process-owner";
  public static final String INTEGRATION = "integration";
  /** Monitoring: scrapes /actuator/prometheus and nothing else. */
  public static final String METRICS = "metrics";

  private CollectionGroups() {
  }
}
