package com.carloan.overdue.workqueue;

import static com.carloan.overdue.identity.CollectionGroups.AGENT;
import static com.carloan.overdue.identity.CollectionGroups.LEGAL;
import static com.carloan.overdue.identity.CollectionGroups.SUPERVISOR;

import com.carloan.overdue.process.CaseVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared Tasklist filters of CONTRACT §3, found by name: a missing one is created, an existing
 * one is left as an administrator may have edited it (only a priority still at the order shipped
 * before takes the current one). Each is readable by the groups that work it, which
 * {@code identity.IdentitySetup} grants.
 */
public final class TasklistFilters {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  static final String MY_TASKS = "My tasks · 我的任务";
  static final String FOLLOW_UP_DUE = "Follow-up due · 跟进到期";
  static final String COLLECTION_QUEUE = "Collection queue · 催收队列";
  static final String APPROVALS = "Approvals · 审批";
  static final String ESCALATIONS = "Escalations and legal · 升级与法律";

  private static final String ME = "${currentUser()}";
  private static final String MY_GROUPS = "${currentUserGroups()}";

  private record FilterSpec(String name, int priority, int priorityShippedBefore, String description,
      Function<TaskService, TaskQuery> query, List<String> groups) {
  }

  /*
   * Tasklist lists the filters a user may read by ascending priority and opens on the first. Each
   * role reads a different set (agents: queue, mine, follow-up; legal: escalations, mine, follow-up;
   * supervisors: all five), so one order lands everyone on their work queue: Approvals before the
   * Collection queue (supervisors), both queues and Escalations before the personal views.
   */
  private static final List<FilterSpec> FILTERS = List.of(
      new FilterSpec(APPROVALS, 10, 40, "Assessment reviews and plan approvals · 评估复核与还款方案审批",
          tasks -> tasks.createTaskQuery().taskDefinitionKeyIn("reviewAssessment", "approvePlan")
              .orderByTaskCreateTime().asc(),
          List.of(SUPERVISOR)),
      new FilterSpec(COLLECTION_QUEUE, 20, 30,
          "Call, verify and negotiate, claimed or not · 电话联系、信息核实与协商",
          tasks -> tasks.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS)
              .includeAssignedTasks()
              .taskDefinitionKeyIn("callBorrower", "verifyBorrower", "negotiatePlan")
              .orderByFollowUpDate().asc().orderByTaskCreateTime().asc(),
          List.of(AGENT, SUPERVISOR)),
      new FilterSpec(ESCALATIONS, 30, 50, "Escalation reviews, litigation, repossession · 升级审查、诉讼与收车",
          tasks -> tasks.createTaskQuery()
              .taskDefinitionKeyIn("reviewEscalation", "handleLitigation", "repossessVehicle")
              .orderByTaskCreateTime().asc(),
          List.of(SUPERVISOR, LEGAL)),
      new FilterSpec(MY_TASKS, 40, 10, "Tasks assigned to me · 分配给我的任务",
          tasks -> tasks.createTaskQuery().taskAssigneeExpression(ME),
          List.of(AGENT, SUPERVISOR, LEGAL)),
      new FilterSpec(FOLLOW_UP_DUE, 50, 20,
          "Mine or unclaimed in my groups, follow-up date passed · 跟进日期已到",
          tasks -> tasks.createTaskQuery().followUpBeforeExpression("${now()}")
              .or().taskAssigneeExpression(ME).taskCandidateGroupInExpression(MY_GROUPS).endOr()
              .orderByFollowUpDate().asc(),
          List.of(AGENT, SUPERVISOR, LEGAL)));

  private TasklistFilters() {
  }

  /**
   * Creates the missing filters; returns each filter's id with the groups that read it.
   */
  public static Map<String, List<String>> ensure(FilterService filters, TaskService tasks) {
    Map<String, List<String>> readers = new LinkedHashMap<>();
    int created = 0;
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
        reorderIfUnedited(filters, filter, spec);
      }
      readers.put(filter.getId(), spec.groups());
    }
    LOG.info("Tasklist filters: created {} of {}", created, FILTERS.size());
    return readers;
  }

  // Databases set up before the current order still hold the shipped priority; a changed one is an
  // administrator's choice and stays.
  private static void reorderIfUnedited(FilterService filters, Filter filter, FilterSpec spec) {
    Map<String, Object> properties = filter.getProperties();
    if (properties != null && properties.get("priority") instanceof Number shipped
        && shipped.intValue() == spec.priorityShippedBefore()) {
      Map<String, Object> reordered = new LinkedHashMap<>(properties);
      reordered.put("priority", spec.priority());
      filters.saveFilter(filter.setProperties(reordered));
    }
  }

  private static Map<String, Object> properties(FilterSpec spec) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", spec.priority());
    properties.put("description", spec.description());
    properties.put("refresh", true);
    properties.put("variables", List.of(
        variable(CaseVariables.LOAN_ID, "Loan · 贷款编号"),
        variable(CaseVariables.BORROWER_NAME, "Borrower · 借款人"),
        variable(CaseVariables.DAYS_PAST_DUE, "Days past due · 逾期天数"),
        variable(CaseVariables.OVERDUE_AMOUNT, "Overdue amount · 逾期金额")));
    return properties;
  }

  private static Map<String, String> variable(String name, String label) {
    return Map.of("name", name, "label", label);
  }
}
