package com.carloan.overdue.workqueue;

import static com.carloan.overdue.workqueue.TasklistFilters.APPROVALS;
import static com.carloan.overdue.workqueue.TasklistFilters.COLLECTION_QUEUE;
import static com.carloan.overdue.workqueue.TasklistFilters.ESCALATIONS;
import static com.carloan.overdue.workqueue.TasklistFilters.FOLLOW_UP_DUE;
import static com.carloan.overdue.workqueue.TasklistFilters.MY_TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.identity.IdentityContext;
import com.carloan.overdue.process.CaseVariables;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared filters as the application set them up at start, read as each role reads them. Cases are
 * a small stand-in process with the agent tasks' ids and candidate groups (the case's team and
 * collection-supervisor), owned by assigning their tasks, as allocation does.
 */
@IdentityContext
class TasklistFiltersTest {

  private static final String CASES = "workQueueProbe";
  private static final List<String> AGENT1 = List.of("collection-agent", "team-m1");
  private static final List<String> AGENT3 = List.of("collection-agent", "team-m2");
  private static final List<String> SUPERVISOR = List.of("collection-supervisor");

  @Autowired
  IdentityService identity;
  @Autowired
  FilterService filters;
  @Autowired
  TaskService tasks;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;

  private String deployment;

  @BeforeEach
  void deployCases() {
    BpmnModelInstance cases = Bpmn.createExecutableProcess(CASES).camundaHistoryTimeToLive(1)
        .startEvent().parallelGateway("open")
        .userTask("callBorrower").camundaCandidateGroups("${team},collection-supervisor").endEvent()
        .moveToNode("open")
        .userTask("negotiatePlan").camundaCandidateGroups("${team},collection-supervisor").endEvent()
        .moveToNode("open")
        .userTask("approvePlan").camundaCandidateGroups("collection-supervisor").endEvent()
        .done();
    deployment = repository.createDeployment().addModelInstance(CASES + ".bpmn", cases).deploy().getId();
  }

  @AfterEach
  void removeCases() {
    identity.clearAuthentication();
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void eachRoleLandsOnItsFirstQueue() {
    // In Tasklist's order: each role's first filter is the one Tasklist opens on.
    assertThat(visibleFilters("agent1", AGENT1)).containsExactly(MY_TASKS, COLLECTION_QUEUE, FOLLOW_UP_DUE);
    assertThat(visibleFilters("supervisor1", SUPERVISOR))
        .containsExactly(APPROVALS, ESCALATIONS, MY_TASKS, COLLECTION_QUEUE, FOLLOW_UP_DUE);
    assertThat(visibleFilters("manager1", List.of("collection-manager")))
        .containsExactly(APPROVALS, ESCALATIONS, MY_TASKS, COLLECTION_QUEUE, FOLLOW_UP_DUE);
    assertThat(visibleFilters("legal1", List.of("legal-officer"))).containsExactly(ESCALATIONS, MY_TASKS, FOLLOW_UP_DUE);
    assertThat(visibleFilters("loansys", List.of("integration"))).isEmpty();
  }

  @Test
  void myTasksHoldEveryOpenTaskOfTheCasesTheAgentOwns() {
    String mine = open("L-MINE", "team-m1", "agent1");
    open("L-AGENT2", "team-m1", "agent2");
    open("L-POOL", "team-m1", null);
    followUp(mine, "callBorrower", Instant.now().plusSeconds(7200));
    followUp(mine, "negotiatePlan", Instant.now().plusSeconds(3600));

    // Follow-up date first: the negotiation is due before the call.
    assertThat(list("agent1", AGENT1, MY_TASKS)).containsExactly("L-MINE negotiatePlan", "L-MINE callBorrower");
    assertThat(list("agent2", AGENT1, MY_TASKS))
        .containsExactlyInAnyOrder("L-AGENT2 callBorrower", "L-AGENT2 negotiatePlan");
  }

  @Test
  void theCollectionQueueHoldsTheTeamsUnownedCasesAndForASupervisorEveryTeams() {
    open("L-OWNED", "team-m1", "agent1");
    open("L-M1-POOL", "team-m1", null);
    open("L-M2-POOL", "team-m2", null);

    assertThat(list("agent1", AGENT1, COLLECTION_QUEUE))
        .containsExactlyInAnyOrder("L-M1-POOL callBorrower", "L-M1-POOL negotiatePlan");
    assertThat(list("agent3", AGENT3, COLLECTION_QUEUE))
        .containsExactlyInAnyOrder("L-M2-POOL callBorrower", "L-M2-POOL negotiatePlan");
    // Not the approvals, which supervisors are candidates on too: those are under Approvals.
    assertThat(list("supervisor1", SUPERVISOR, COLLECTION_QUEUE)).containsExactlyInAnyOrder(
        "L-M1-POOL callBorrower", "L-M1-POOL negotiatePlan", "L-M2-POOL callBorrower", "L-M2-POOL negotiatePlan");
  }

  @Test
  void theCollectionQueueIsInFollowUpThenCreationOrder() {
    String later = open("L-LATER", "team-m1", null);
    String sooner = open("L-SOONER", "team-m1", null);
    followUp(later, "callBorrower", Instant.now().plusSeconds(7200));
    followUp(later, "negotiatePlan", Instant.now().plusSeconds(7200));
    followUp(sooner, "callBorrower", Instant.now().plusSeconds(3600));
    followUp(sooner, "negotiatePlan", Instant.now().plusSeconds(3600));

    assertThat(list("agent1", AGENT1, COLLECTION_QUEUE)).extracting(task -> task.split(" ")[0])
        .containsExactly("L-SOONER", "L-SOONER", "L-LATER", "L-LATER");
  }

  @Test
  void aQueueStillAsShippedBeforeTakesThisVersionsQueryAndColumns() {
    open("L-OWNED", "team-m1", "agent1");
    open("L-POOL", "team-m1", null);
    Filter queue = filter(COLLECTION_QUEUE);
    try {
      // The Collection queue as the versions before shipped it: claimed or not, four columns, no version.
      filters.saveFilter(queue.setQuery(earlierCollectionQueue()).setProperties(earlierProperties(20,
          "Call, verify and negotiate, claimed or not · 电话联系、信息核实与协商")));
      assertThat(list("agent1", AGENT1, COLLECTION_QUEUE)).hasSize(4);

      TasklistFilters.ensure(filters, tasks);

      assertThat(list("agent1", AGENT1, COLLECTION_QUEUE))
          .containsExactlyInAnyOrder("L-POOL callBorrower", "L-POOL negotiatePlan");
      assertThat(filter(COLLECTION_QUEUE).getProperties())
          .containsEntry("priority", 40).containsEntry(TasklistFilters.SHIPPED, TasklistFilters.VERSION);
    } finally {
      restore(COLLECTION_QUEUE);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFilterAsTheVersionBeforeShippedItGainsTheAmountDueColumn() {
    Filter mine = filter(MY_TASKS);
    try {
      // My tasks as version 2 shipped it: this version's properties without the amount due.
      Map<String, Object> version2 = new LinkedHashMap<>(mine.getProperties());
      version2.put("variables", ((List<Map<String, String>>) version2.get("variables")).stream()
          .filter(column -> !column.get("name").equals(CaseVariables.AMOUNT_DUE)).toList());
      version2.put(TasklistFilters.SHIPPED, 2);
      filters.saveFilter(mine.setProperties(version2));

      TasklistFilters.ensure(filters, tasks);

      Map<String, Object> updated = filter(MY_TASKS).getProperties();
      assertThat((List<Map<String, String>>) updated.get("variables")).extracting(column -> column.get("name"))
          .containsSubsequence("overdueAmount", "amountDue", "caseOwner");
      assertThat(updated).containsEntry(TasklistFilters.SHIPPED, TasklistFilters.VERSION);
    } finally {
      restore(MY_TASKS);
    }
  }

  @Test
  void aQueueAnAdministratorSavedKeepsItsQueryAndLeavesOnlyAnEarlierOrder() {
    open("L-OWNED", "team-m1", "agent1");
    open("L-POOL", "team-m1", null);
    Filter queue = filter(COLLECTION_QUEUE);
    Filter approvals = filter(APPROVALS);
    try {
      // Saved in Tasklist (its dialog writes a color and showUndefinedVariable, and drops what it does not know).
      filters.saveFilter(queue.setQuery(earlierCollectionQueue())
          .setProperties(savedInTasklist(20, "Everything of my team, claimed or not")));
      filters.saveFilter(approvals.setProperties(savedInTasklist(7, "Approvals first")));

      TasklistFilters.ensure(filters, tasks);

      assertThat(list("agent1", AGENT1, COLLECTION_QUEUE)).hasSize(4);
      assertThat(filter(COLLECTION_QUEUE).getProperties()).containsEntry("priority", 40)
          .containsEntry("description", "Everything of my team, claimed or not").containsEntry("color", "#555555");
      assertThat(filter(APPROVALS).getProperties()).containsEntry("priority", 7);
    } finally {
      restore(COLLECTION_QUEUE);
      restore(APPROVALS);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void filtersCarryTasklistProperties() {
    Map<String, Object> queue = filter(COLLECTION_QUEUE).getProperties();

    assertThat(queue).containsEntry("refresh", true).containsEntry("priority", 40).containsKey("description");
    assertThat((List<Map<String, String>>) queue.get("variables")).extracting(column -> column.get("name"))
        .containsExactly("loanId", "borrowerName", "bucket", "daysPastDue", "overdueAmount", "amountDue", "caseOwner");
    assertThat((List<Object>) queue.get("variables"))
        .contains(Map.of("name", "bucket", "label", "Bucket · 账龄段"))
        .contains(Map.of("name", "amountDue", "label", "Amount due · 应还金额"))
        .contains(Map.of("name", "caseOwner", "label", "Owner · 催收员"));
  }

  @Test
  void followUpDueShowsMineAndUnclaimedGroupTasksWhoseFollowUpPassed() {
    Date past = Date.from(Instant.now().minusSeconds(3600));
    Date future = Date.from(Instant.now().plusSeconds(3600));
    Task unclaimedDue = task("unclaimed due", "collection-agent", null, past);
    Task mineDue = task("mine due", null, "agent1", past);
    Task othersDue = task("agent2's due", "collection-agent", "agent2", past);
    Task notYetDue = task("not yet due", "collection-agent", null, future);
    Task legalDue = task("legal due", "legal-officer", null, past);
    try {
      identity.setAuthentication("agent1", List.of("collection-agent"));

      List<Task> due = filters.list(filter(FOLLOW_UP_DUE).getId());

      assertThat(due).extracting(Task::getName).containsExactlyInAnyOrder("unclaimed due", "mine due");
    } finally {
      identity.clearAuthentication();
      for (Task task : List.of(unclaimedDue, mineDue, othersDue, notYetDue, legalDue)) {
        tasks.deleteTask(task.getId(), true);
      }
    }
  }

  /** Opens a case of the team; with an owner, its agent tasks are the owner's. Returns its process instance. */
  private String open(String loanId, String team, String owner) {
    String instance = runtime.startProcessInstanceByKey(CASES, loanId,
        Variables.createVariables().putValue(CaseVariables.TEAM, team)).getId();
    if (owner != null) {
      for (Task task : tasks.createTaskQuery().processInstanceId(instance)
          .taskDefinitionKeyIn(TasklistFilters.AGENT_TASKS).list()) {
        tasks.setAssignee(task.getId(), owner);
      }
    }
    return instance;
  }

  private void followUp(String instance, String taskKey, Instant at) {
    Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
    task.setFollowUpDate(Date.from(at));
    tasks.saveTask(task);
  }

  /** The stand-in cases' tasks the filter lists for the user, in the filter's order: "loan task". */
  private List<String> list(String userId, List<String> groups, String filterName) {
    String filterId = filter(filterName).getId();
    List<Task> listed;
    identity.setAuthentication(userId, groups);
    try {
      listed = filters.list(filterId, tasks.createTaskQuery().processDefinitionKey(CASES));
    } finally {
      identity.clearAuthentication();
    }
    return listed.stream().map(task -> loanOf(task) + " " + task.getTaskDefinitionKey()).toList();
  }

  private String loanOf(Task task) {
    return runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
        .getBusinessKey();
  }

  private Filter filter(String name) {
    return filters.createFilterQuery().filterName(name).singleResult();
  }

  private TaskQuery earlierCollectionQueue() {
    return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
        .taskDefinitionKeyIn("callBorrower", "verifyBorrower", "negotiatePlan")
        .orderByFollowUpDate().asc().orderByTaskCreateTime().asc();
  }

  private static Map<String, Object> earlierProperties(int priority, String description) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("variables", List.of(Map.of("name", "loanId", "label", "Loan · 贷款编号")));
    return properties;
  }

  private static Map<String, Object> savedInTasklist(int priority, String description) {
    Map<String, Object> properties = earlierProperties(priority, description);
    properties.put("color", "#555555");
    properties.put("showUndefinedVariable", false);
    return properties;
  }

  /** Back to what the application ships: marked as an older version, which ensure brings up to date. */
  private void restore(String filterName) {
    Filter filter = filter(filterName);
    Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
    properties.put(TasklistFilters.SHIPPED, 1);
    filters.saveFilter(filter.setProperties(properties));
    TasklistFilters.ensure(filters, tasks);
  }

  private List<String> visibleFilters(String userId, List<String> groupIds) {
    identity.setAuthentication(userId, groupIds);
    try {
      return filters.createFilterQuery().list().stream()
          .sorted((a, b) -> Integer.compare((Integer) a.getProperties().get("priority"),
              (Integer) b.getProperties().get("priority")))
          .map(Filter::getName).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task task(String name, String candidateGroup, String assignee, Date followUp) {
    Task task = tasks.newTask();
    task.setName(name);
    task.setAssignee(assignee);
    task.setFollowUpDate(followUp);
    tasks.saveTask(task);
    if (candidateGroup != null) {
      tasks.addCandidateGroup(task.getId(), candidateGroup);
    }
    return task;
  }
}
