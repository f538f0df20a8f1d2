package com.carloan.overdue.workqueue;

import static com.carloan.overdue.workqueue.TasklistFilters.APPROVALS;
import static com.carloan.overdue.workqueue.TasklistFilters.COLLECTION_QUEUE;
import static com.carloan.overdue.workqueue.TasklistFilters.ESCALATIONS;
import static com.carloan.overdue.workqueue.TasklistFilters.FOLLOW_UP_DUE;
import static com.carloan.overdue.workqueue.TasklistFilters.MY_TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.identity.IdentityContext;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared filters as the application set them up at start, read as each role reads them. */
@IdentityContext
class TasklistFiltersTest {

  @Autowired
  IdentityService identity;
  @Autowired
  FilterService filters;
  @Autowired
  TaskService tasks;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void eachGroupReadsOnlyItsFilters() {
    // In Tasklist's order: each role's first filter is the one Tasklist opens on.
    assertThat(visibleFilters("agent1", "collection-agent")).containsExactly(
        COLLECTION_QUEUE, MY_TASKS, FOLLOW_UP_DUE);
    assertThat(visibleFilters("supervisor1", "collection-supervisor")).containsExactly(
        APPROVALS, COLLECTION_QUEUE, ESCALATIONS,
        MY_TASKS, FOLLOW_UP_DUE);
    assertThat(visibleFilters("legal1", "legal-officer")).containsExactly(
        ESCALATIONS, MY_TASKS, FOLLOW_UP_DUE);
    assertThat(visibleFilters("loansys", "integration")).isEmpty();
  }

  @Test
  void ensureMovesAFilterStillAtTheOldOrderButKeepsAnAdministratorsPriority() {
    Filter approvals = filters.createFilterQuery().filterName(APPROVALS).singleResult();
    Filter queue = filters.createFilterQuery().filterName(COLLECTION_QUEUE).singleResult();
    try {
      filters.saveFilter(approvals.setProperties(withPriority(approvals, 40))); // the order shipped before
      filters.saveFilter(queue.setProperties(withPriority(queue, 7))); // an administrator's choice

      TasklistFilters.ensure(filters, tasks);

      assertThat(priority(APPROVALS)).isEqualTo(10);
      assertThat(priority(COLLECTION_QUEUE)).isEqualTo(7);
    } finally {
      queue = filters.createFilterQuery().filterName(COLLECTION_QUEUE).singleResult();
      filters.saveFilter(queue.setProperties(withPriority(queue, 20)));
    }
  }

  private static Map<String, Object> withPriority(Filter filter, int priority) {
    Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
    properties.put("priority", priority);
    return properties;
  }

  private Object priority(String filterName) {
    return filters.createFilterQuery().filterName(filterName).singleResult().getProperties().get("priority");
  }

  @Test
  @SuppressWarnings("unchecked")
  void filtersCarryTasklistProperties() {
    Filter queue = filters.createFilterQuery().filterName(COLLECTION_QUEUE)
        .singleResult();

    assertThat(queue.getProperties()).containsEntry("refresh", true)
        .containsEntry("priority", 20).containsKey("description");
    assertThat((List<Object>) queue.getProperties().get("variables")).hasSize(4)
        .contains(Map.of("name", "daysPastDue", "label", "Days past due · 逾期天数"));
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
      String followUpDue = filters.createFilterQuery().filterName(FOLLOW_UP_DUE)
          .singleResult().getId();

      List<Task> due = filters.list(followUpDue);

      assertThat(due).extracting(Task::getName).containsExactlyInAnyOrder("unclaimed due",
          "mine due");
    } finally {
      identity.clearAuthentication();
      for (Task task : List.of(unclaimedDue, mineDue, othersDue, notYetDue, legalDue)) {
        tasks.deleteTask(task.getId(), true);
      }
    }
  }

  private List<String> visibleFilters(String userId, String groupId) {
    identity.setAuthentication(userId, List.of(groupId));
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
