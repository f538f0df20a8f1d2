package com.carloan.overdue.workqueue;

import static com.carloan.overdue.identity.CollectionGroups.AGENT;
import static com.carloan.overdue.identity.CollectionGroups.LEGAL;
import static com.carloan.overdue.identity.CollectionGroups.MANAGER;
import static com.carloan.overdue.identity.CollectionGroups.SUPERVISOR;

import com.carloan.overdue.process.CaseVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared Tasklist filters of CONTRACT §3, found by name. Agents land on "My tasks", every open task
 * of the cases they own; the "Collection queue" holds the agent tasks of their teams' cases that no one
 * owns yet (for a supervisor, a candidate on every agent task: every team's).
 *
 * <p>A missing filter is created. One still as an earlier version shipped it takes this version's query
 * and properties; one an administrator saved keeps them, and only a priority still at an order shipped
 * before takes the current one. Each is readable by the groups that work it, which
 * {@code identity.IdentitySetup} grants.
 */
public final class TasklistFilters {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  static final String MY_TASKS = "My tasks · 我的任务";
  static final String FOLLOW_UP_DUE = "Follow-up due · 跟进到期";
  static final String COLLECTION_QUEUE = "Collection queue · 催收队列";
  static final String APPROVALS = "Approvals · 审批";
  static final String ESCALATIONS = "Escalations and legal · 升级与法律";

  /** The tasks a case's owner works (CONTRACT §4); candidates: the case's team and supervisors. */
  static final String[] AGENT_TASKS = {"callBorrower", "verifyBorrower", "negotiatePlan", "followUpPromise"};

  /*
   * The version of the shipped query and properties, kept among a filter's properties. Tasklist's
   * filter dialog saves only the properties it knows, always with a color, and drops this one: a filter
   * with an older version, or with none and exactly the properties the versions before it wrote, was
   * never saved by an administrator.
   */
  static final String SHIPPED = "shipped";
  static final int VERSION = 4;
  private static final Set<String> PROPERTIES_BEFORE_VERSIONS =
      Set.of("priority", "description", "refresh", "variables");

  private static final String ME = "${currentUser()}";
  private static final String MY_GROUPS = "${currentUserGroups()}";

  private record FilterSpec(String name, int priority, List<Integer> earlierPriorities, String description,
      Function<TaskService, TaskQuery> query, List<String> groups) {
  }

  /*
   * Tasklist lists the filters a user may read by ascending priority and opens on the first. Agents
   * read My tasks, the Collection queue and Follow-up due; legal officers Escalations, My tasks and
   * Follow-up due; supervisors and managers all five. So Approvals comes first (supervisors), then
   * Escalations (legal), then My tasks before the Collection queue (agents: their own cases first).
   */
  private static final List<FilterSpec> FILTERS = List.of(
      new FilterSpec(APPROVALS, 10, List.of(40),
          "Assessment reviews, plan and waiver approvals, complaints (due 15 days after receipt) · 评估复核、方案与减免审批、投诉处理",
          tasks -> tasks.createTaskQuery()
              .taskDefinitionKeyIn("reviewAssessment", "approvePlan", "approveWaiver", "handleComplaint")
              .orderByTaskCreateTime().asc(),
          List.of(SUPERVISOR, MANAGER)),
      new FilterSpec(ESCALATIONS, 20, List.of(50, 30),
          "Escalation reviews, litigation, repossession · 升级审查、诉讼与收车",
          tasks -> tasks.createTaskQuery()
              .taskDefinitionKeyIn("reviewEscalation", "handleLitigation", "repossessVehicle")
              .orderByTaskCreateTime().asc(),
          List.of(SUPERVISOR, MANAGER, LEGAL)),
      new FilterSpec(MY_TASKS, 30, List.of(10, 40),
          "Assigned to me: every open task of the cases I own · 分配给我的任务：我负责案件的全部待办",
          tasks -> tasks.createTaskQuery().taskAssigneeExpression(ME)
              .orderByFollowUpDate().asc().orderByTaskCreateTime().asc(),
          List.of(AGENT, SUPERVISOR, MANAGER, LEGAL)),
      new FilterSpec(COLLECTION_QUEUE, 40, List.of(30, 20),
          "My teams' calls, verifications, negotiations and promise follow-ups that no one owns yet · 本组待分配的致电、核实、协商与承诺跟进",
          tasks -> tasks.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS)
              .taskDefinitionKeyIn(AGENT_TASKS)
              .orderByFollowUpDate().asc().orderByTaskCreateTime().asc(),
          List.of(AGENT, SUPERVISOR, MANAGER)),
      new FilterSpec(FOLLOW_UP_DUE, 50, List.of(20),
          "Mine or unclaimed in my groups, follow-up date passed · 跟进日期已到",
          tasks -> tasks.createTaskQuery().followUpBeforeExpression("${now()}")
              .or().taskAssigneeExpression(ME).taskCandidateGroupInExpression(MY_GROUPS).endOr()
              .orderByFollowUpDate().asc(),
          List.of(AGENT, SUPERVISOR, MANAGER, LEGAL)));

  private TasklistFilters() {
  }

  /**
   * Creates the missing filters and brings those still as shipped before to this version; returns each
   * filter's id with the groups that read it.
   */
  public static Map<String, List<String>> ensure(FilterService filters, TaskService tasks) {
    Map<String, List<String>> readers = new LinkedHashMap<>();
    int created = 0;
    int updated = 0;
    for (FilterSpec spec : FILTERS) {
      List<Filter> existing = filters.createFilterQuery().filterName(spec.name()).list();
      Filter filter;
      if (existing.isEmpty()) {
        filter = filters.saveFilter(filters.newTaskFilter(spec.name())
            .setQuery(spec.query().apply(tasks))
            .setProperties(properties(spec)));
        created++;
      } else {
        filter = existing.get(0);
        if (update(filters, tasks, filter, spec)) {
          updated++;
        }
      }
      readers.put(filter.getId(), spec.groups());
    }
    if (created + updated > 0) {
      LOG.info("Tasklist filters: created {}, brought {} to version {}", created, updated, VERSION);
    }
    return readers;
  }

  private static boolean update(FilterService filters, TaskService tasks, Filter filter, FilterSpec spec) {
    Map<String, Object> properties = filter.getProperties() == null ? Map.of() : filter.getProperties();
    if (shippedEarlier(properties)) {
      filters.saveFilter(filter.setQuery(spec.query().apply(tasks)).setProperties(properties(spec)));
      return true;
    }
    // An administrator's filter: only a priority still at an order shipped before moves.
    if (!properties.containsKey(SHIPPED) && properties.get("priority") instanceof Number priority
        && spec.earlierPriorities().contains(priority.intValue())) {
      Map<String, Object> reordered = new LinkedHashMap<>(properties);
      reordered.put("priority", spec.priority());
      filters.saveFilter(filter.setProperties(reordered));
      return true;
    }
    return false;
  }

  private static boolean shippedEarlier(Map<String, Object> properties) {
    if (properties.get(SHIPPED) instanceof Number version) {
      return version.intValue() < VERSION;
    }
    return properties.keySet().equals(PROPERTIES_BEFORE_VERSIONS);
  }

  private static Map<String, Object> properties(FilterSpec spec) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", spec.priority());
    properties.put("description", spec.description());
    properties.put("refresh", true);
    properties.put("variables", List.of(
        variable(CaseVariables.LOAN_ID, "Loan · 贷款编号"),
        variable(CaseVariables.BORROWER_NAME, "Borrower · 借款人"),
        variable(CaseVariables.BUCKET, "Bucket · 账龄段"),
        variable(CaseVariables.DAYS_PAST_DUE, "Days past due · 逾期天数"),
        variable(CaseVariables.OVERDUE_AMOUNT, "Overdue amount · 逾期金额"),
        variable(CaseVariables.AMOUNT_DUE, "Amount due · 应还金额"),
        variable(CaseVariables.CASE_OWNER, "Owner · 催收员")));
    properties.put(SHIPPED, VERSION);
    return properties;
  }

  private static Map<String, String> variable(String name, String label) {
    return Map.of("name", name, "label", label);
  }
}
