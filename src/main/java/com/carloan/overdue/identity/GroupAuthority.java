package com.carloan.overdue.identity;

/**
 * Spring Security authorities of an {@code /api} caller: one per Camunda group the user belongs to.
 * Compile-time constants, so a controller can name who may call it (CONTRACT §2 "who"):
 *
 * <pre>{@code @Secured({GroupAuthority.INTEGRATION, GroupAuthority.SUPERVISOR})}</pre>
 *
 * A caller outside those groups gets 403 {@code application/problem+json}.
 */
public final class GroupAuthority {

  public static final String PREFIX = "GROUP_";

  public static final String ADMIN = PREFIX + CollectionGroups.ADMIN;
  public static final String AGENT = PREFIX + CollectionGroups.AGENT;
  public static final String SUPERVISOR = PREFIX + CollectionGroups.SUPERVISOR;
  public static final String MANAGER = PREFIX + CollectionGroups.MANAGER;
  public static final String LEGAL = PREFIX + CollectionGroups.LEGAL;
  public static final String PROCESS_OWNER = PREFIX + CollectionGroups.PROCESS_OWNER;
  public static final String INTEGRATION = PREFIX + CollectionGroups.INTEGRATION;
  public static final String METRICS = PREFIX + CollectionGroups.METRICS;

  private GroupAuthority() {
  }

  static String of(String groupId) {
    return PREFIX + groupId;
  }
}
