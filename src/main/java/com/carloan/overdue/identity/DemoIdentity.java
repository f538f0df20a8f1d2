package com.carloan.overdue.identity;

import static com.carloan.overdue.identity.CollectionGroups.ADMIN;
import static com.carloan.overdue.identity.CollectionGroups.AGENT;
import static com.carloan.overdue.identity.CollectionGroups.INTEGRATION;
import static com.carloan.overdue.identity.CollectionGroups.LEGAL;
import static com.carloan.overdue.identity.CollectionGroups.MANAGER;
import static com.carloan.overdue.identity.CollectionGroups.METRICS;
import static com.carloan.overdue.identity.CollectionGroups.PROCESS_OWNER;
import static com.carloan.overdue.identity.CollectionGroups.SUPERVISOR;
import static com.carloan.overdue.identity.CollectionGroups.TEAM_M1;
import static com.carloan.overdue.identity.CollectionGroups.TEAM_M2;
import static com.carloan.overdue.identity.CollectionGroups.TEAM_M3;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * The groups of CONTRACT §3 and, for the embedded profile only, its demo users (password = user
 * id). Only what is missing is created, so a restart neither duplicates nor resets anything, e.g.
 * a password a user has changed.
 */
final class DemoIdentity {

  private record GroupSpec(String id, String name, String type) {
  }

  private record UserSpec(String id, String firstName, String lastName, List<String> groupIds) {
    UserSpec(String id, String firstName, String lastName, String... groupIds) {
      this(id, firstName, lastName, List.of(groupIds));
    }
  }

  private static final List<GroupSpec> GROUPS = List.of(
      new GroupSpec(ADMIN, "Camunda 管理员 · Administrators", Groups.GROUP_TYPE_SYSTEM),
      new GroupSpec(AGENT, "催收专员 · Collection agents", Groups.GROUP_TYPE_WORKFLOW),
      new GroupSpec(SUPERVISOR, "催收主管 · Collection supervisors", Groups.GROUP_TYPE_WORKFLOW),
      new GroupSpec(MANAGER, "催收经理 · Collection managers", Groups.GROUP_TYPE_WORKFLOW),
      new GroupSpec(TEAM_M1, "M1 组 · Team M1 (1-30 days)", Groups.GROUP_TYPE_WORKFLOW),
      new GroupSpec(TEAM_M2, "M2 组 · Team M2 (31-60 days)", Groups.GROUP_TYPE_WORKFLOW),
      new GroupSpec(TEAM_M3, "M3 组 · Team M3 (over 60 days)", Groups.GROUP_TYPE_WORKFLOW),
      new GroupSpec(LEGAL, "法务专员 · Legal officers", Groups.GROUP_TYPE_WORKFLOW),
      new GroupSpec(PROCESS_OWNER, "流程负责人 · Process owners", Groups.GROUP_TYPE_WORKFLOW),
      new GroupSpec(INTEGRATION, "系统集成 · Integration", Groups.GROUP_TYPE_WORKFLOW),
      new GroupSpec(METRICS, "监控采集 · Metrics scrape", Groups.GROUP_TYPE_SYSTEM));

  // Webapps show "firstName lastName": the family name goes first so it reads the Chinese way (张 磊).
  private static final List<UserSpec> USERS = List.of(
      new UserSpec("admin", "系统", "管理员", ADMIN),
      new UserSpec("agent1", "王", "伟", AGENT, TEAM_M1),
      new UserSpec("agent2", "李", "芳", AGENT, TEAM_M1),
      new UserSpec("agent3", "赵", "军", AGENT, TEAM_M2),
      new UserSpec("agent4", "孙", "丽", AGENT, TEAM_M3),
      new UserSpec("supervisor1", "张", "磊", SUPERVISOR),
      new UserSpec("supervisor2", "刘", "静", SUPERVISOR),
      new UserSpec("manager1", "周", "洋", MANAGER),
      new UserSpec("legal1", "陈", "敏", LEGAL),
      new UserSpec("owner1", "杨", "强", PROCESS_OWNER),
      new UserSpec("loansys", "接口", "贷款系统", INTEGRATION),
      new UserSpec("prometheus", "监控", "采集", METRICS));

  private DemoIdentity() {
  }

  /** Returns how many groups were created. */
  static int ensureGroups(IdentityService identity) {
    int created = 0;
    for (GroupSpec spec : GROUPS) {
      if (identity.createGroupQuery().groupId(spec.id()).count() == 0) {
        Group group = identity.newGroup(spec.id());
        group.setName(spec.name());
        group.setType(spec.type());
        identity.saveGroup(group);
        created++;
      }
    }
    return created;
  }

  /** Returns how many users and memberships were created. */
  static int ensureUsers(IdentityService identity) {
    int created = 0;
    for (UserSpec spec : USERS) {
      if (identity.createUserQuery().userId(spec.id()).count() == 0) {
        User user = identity.newUser(spec.id());
        user.setFirstName(spec.firstName());
        user.setLastName(spec.lastName());
        user.setEmail(spec.id() + "@carloan.example");
        user.setPassword(spec.id());
        identity.saveUser(user);
        created++;
      }
      for (String groupId : spec.groupIds()) {
        if (identity.createUserQuery().userId(spec.id()).memberOfGroup(groupId).count() == 0) {
          identity.createMembership(spec.id(), groupId);
          created++;
        }
      }
    }
    return created;
  }
}
