package com.carloan.overdue.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.process.ProcessTestSupport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With the authorization checks changed for scale (unfiltered groups, the semi-join), every user still
 * sees exactly the tasks of their groups and their own, and the variables their rights allow: the same
 * answers the engine's own SQL gives, on H2 and, in the PostgreSQL pass, on PostgreSQL.
 */
class AuthorizationChecksAtScaleTest extends ProcessTestSupport {

  @Autowired AuthorizationChecksAtScale checks;

  ProcessInstance call;
  ProcessInstance claimedCall;
  ProcessInstance escalation;
  ProcessInstance review;
  List<String> cases;

  @BeforeEach
  void casesForEveryGroup() {
    call = openWeChatCase();                          // callBorrower: collection-agent, collection-supervisor
    claimedCall = openWeChatCase();
    tasks.claim(task(claimedCall, "callBorrower").getId(), "agent2");
    escalation = openCase(120, "8500.00", 1, "NORMAL"); // reviewEscalation: collection-supervisor
    review = openCase(15, "150000.00", 1, "NORMAL");    // reviewAssessment: collection-supervisor
    cases = List.of(call.getId(), claimedCall.getId(), escalation.getId(), review.getId());
  }

  @Test
  void everyUserSeesTheTasksOfTheirGroupsAndTheirOwnNoMore() {
    long before = checks.semiJoin().rewritten();

    assertVisible("agent1", "collection-agent");
    assertVisible("agent2", "collection-agent");
    assertVisible("supervisor1", "collection-supervisor");
    assertVisible("legal1", "legal-officer");
    assertThat(ids("agent1", "collection-agent")).containsExactly(task(call, "callBorrower").getId(),
        task(claimedCall, "callBorrower").getId());
    assertThat(ids("legal1", "legal-officer")).isEmpty();

    assertThat(checks.semiJoin().rewritten()).as("statements run as a semi-join").isGreaterThan(before);
  }

  @Test
  void aQueueByCandidateGroupsHoldsEachTaskOnceEvenForAUserInTwoOfItsGroups() {
    // every call has both collection-agent and collection-supervisor as candidates: a user in both groups
    // matches two links of each call, which the engine's join returned twice before its distinct
    List<String> groups = List.of("collection-agent", "collection-supervisor");
    List<String> calls = List.of(task(call, "callBorrower").getId(), task(claimedCall, "callBorrower").getId());
    Set<String> queue = tasks.createTaskQuery().processInstanceIdIn(cases.toArray(String[]::new)).list().stream()
        .filter(t -> candidateGroups(t).stream().anyMatch(groups::contains)).map(Task::getId)
        .collect(Collectors.toSet());
    assertThat(queue).containsAll(calls).hasSize(4);
    long before = checks.semiJoin().rewritten();

    identity.setAuthentication("supervisor1", groups);
    try {
      List<String> claimedOrNot = tasks.createTaskQuery().processInstanceIdIn(cases.toArray(String[]::new))
          .taskCandidateGroupIn(groups).includeAssignedTasks().orderByTaskCreateTime().asc().list().stream()
          .map(Task::getId).toList();
      assertThat(claimedOrNot).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(queue);
      assertThat(tasks.createTaskQuery().processInstanceIdIn(cases.toArray(String[]::new))
          .taskCandidateGroupIn(groups).includeAssignedTasks().count()).isEqualTo(queue.size());
      assertThat(tasks.createTaskQuery().processInstanceIdIn(cases.toArray(String[]::new))
          .taskCandidateGroupIn(groups).taskDefinitionKey("callBorrower").listPage(0, 15)).extracting(Task::getId)
          .containsExactly(task(call, "callBorrower").getId());
      assertThat(tasks.createTaskQuery().processInstanceIdIn(cases.toArray(String[]::new))
          .taskCandidateGroupIn(groups).taskDefinitionKey("callBorrower").count()).isEqualTo(1);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(checks.semiJoin().rewritten()).as("statements run rewritten").isGreaterThanOrEqualTo(before + 4);
  }

  @Test
  void anAgentsQueuePageAndSearchReturnWhatTheEngineWouldInTheirOrder() {
    // on H2 both are read along their order's index (H2TaskPageOrder), on PostgreSQL as the planner likes
    H2TaskPageOrder h2 = checks.semiJoin().h2PageOrder();
    long hintedBefore = h2 == null ? 0 : h2.hinted();
    String[] steps = {"callBorrower", "verifyBorrower", "negotiatePlan"};
    Comparator<Task> queueOrder = Comparator.comparing(Task::getFollowUpDate,
        Comparator.nullsFirst(Comparator.<Date>naturalOrder())).thenComparing(Task::getCreateTime);
    List<Task> expected = tasks.createTaskQuery().taskDefinitionKeyIn(steps).list().stream()
        .filter(t -> candidateGroups(t).contains("collection-agent")).toList();
    Set<String> unclaimedCalls = expected.stream()
        .filter(t -> t.getAssignee() == null && "callBorrower".equals(t.getTaskDefinitionKey()))
        .map(Task::getId).collect(Collectors.toSet());

    identity.setAuthentication("agent1", List.of("collection-agent"));
    try {
      List<Task> queue = tasks.createTaskQuery().taskCandidateGroupIn(List.of("collection-agent"))
          .includeAssignedTasks().taskDefinitionKeyIn(steps)
          .orderByFollowUpDate().asc().orderByTaskCreateTime().asc().listPage(0, 10_000);
      assertThat(queue).extracting(Task::getId)
          .containsExactlyInAnyOrderElementsOf(expected.stream().map(Task::getId).toList());
      assertThat(queue).isSortedAccordingTo(queueOrder);
      assertThat(queue).extracting(Task::getId).contains(task(call, "callBorrower").getId(),
          task(claimedCall, "callBorrower").getId());

      List<String> search = new ArrayList<>();
      for (int offset = 0; ; offset++) {
        List<Task> one = tasks.createTaskQuery().taskDefinitionKey("callBorrower").taskUnassigned()
            .listPage(offset, 1);
        if (one.isEmpty()) {
          break;
        }
        search.add(one.get(0).getId());
      }
      assertThat(search).isSorted().containsExactlyInAnyOrderElementsOf(unclaimedCalls);
    } finally {
      identity.clearAuthentication();
    }
    if (h2 != null) {
      assertThat(h2.hinted()).as("pages read along their order's index").isGreaterThan(hintedBefore);
    }
  }

  @Test
  void variablesFollowTheRightsOnTheCase() {
    // supervisors read every case; agents read the tasks, not the cases' variables
    assertThat(loanIds("supervisor1", "collection-supervisor")).hasSize(4);
    assertThat(loanIds("agent1", "collection-agent")).isEmpty();
  }

  private void assertVisible(String user, String group) {
    Set<String> expected = tasks.createTaskQuery().processInstanceIdIn(cases.toArray(String[]::new)).list().stream()
        .filter(t -> user.equals(t.getAssignee()) || candidateGroups(t).contains(group))
        .map(Task::getId).collect(Collectors.toSet());
    assertThat(ids(user, group)).as("tasks %s sees", user).containsExactlyInAnyOrderElementsOf(expected);
    identity.setAuthentication(user, List.of(group));
    try {
      assertThat(tasks.createTaskQuery().processInstanceIdIn(cases.toArray(String[]::new)).count())
          .isEqualTo(expected.size());
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<String> ids(String user, String group) {
    identity.setAuthentication(user, List.of(group));
    try {
      return tasks.createTaskQuery().processInstanceIdIn(cases.toArray(String[]::new)).orderByTaskCreateTime().asc()
          .list().stream().map(Task::getId).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<Object> loanIds(String user, String group) {
    identity.setAuthentication(user, List.of(group));
    try {
      return runtime.createVariableInstanceQuery().processInstanceIdIn(cases.toArray(String[]::new))
          .variableName("loanId").list().stream().map(v -> v.getValue()).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Set<String> candidateGroups(Task t) {
    return tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).collect(Collectors.toSet());
  }
}
