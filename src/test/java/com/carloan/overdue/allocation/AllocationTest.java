package com.carloan.overdue.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.carloan.overdue.intake.OpenedCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Allocation (分案, CONTRACT §4) through the real intake, process and database: who of a team owns a new case,
 * the pool when nobody can take it, and that concurrent intakes never push an agent past capacity.
 */
class AllocationTest extends TeamsTestSupport {

  @Test
  void aNewCaseGoesToTheAvailableMemberWithFewestOpenCasesAndATieToTheOneAllocatedToLeastRecently() {
    String a = teams.freshAgent(TEAM_M1, "a");
    String b = teams.freshAgent(TEAM_M1, "b");
    teams.onlyAvailable(TEAM_M1, a, b);
    teams.unavailable(a);

    // a is unavailable: b takes both, however few cases a has
    assertThat(owner(openWeChatCase())).isEqualTo(b);
    assertThat(owner(openWeChatCase())).isEqualTo(b);
    moves.availability(a, true, null, false, "supervisor1");

    // fewest open wins over recency: a just got one and still has fewer
    assertThat(owner(openWeChatCase())).isEqualTo(a);
    assertThat(owner(openWeChatCase())).isEqualTo(a);
    // 2 : 2, and b was allocated to before a's last case
    assertThat(owner(openWeChatCase())).isEqualTo(b);
    assertThat(owner(openWeChatCase())).isEqualTo(a);
    assertThat(teams.openCases(a)).isEqualTo(3);
    assertThat(teams.openCases(b)).isEqualTo(3);
  }

  @Test
  void theOwnersAgentTasksAreAssignedToThemWithTheTeamAndSupervisorsAsCandidates() {
    String a = teams.freshAgent(TEAM_M1, "a");
    teams.onlyAvailable(TEAM_M1, a);

    ProcessInstance pi = openWeChatCase();

    assertThat(pi).isWaitingAt("callBorrower");
    assertThat(pi).variables().containsEntry("team", TEAM_M1).containsEntry("caseOwner", a).containsEntry("bucket", "M1");
    Task call = task(pi, "callBorrower");
    assertThat(call.getAssignee()).isEqualTo(a);
    assertThat(candidateGroups(call)).containsExactlyInAnyOrder(TEAM_M1, "collection-supervisor");
    assertThat(teams.events(loanId(pi))).singleElement().satisfies(e -> {
      assertThat(e.get("kind")).isEqualTo("ALLOCATED");
      assertThat(e.get("actor")).isEqualTo("system");
      assertThat(e.get("to_agent")).isEqualTo(a);
      assertThat(e.get("to_team")).isEqualTo(TEAM_M1);
    });
  }

  @Test
  void withEveryoneAtCapacityTheCaseWaitsInThePoolUntilASettledCaseFreesAPlace() {
    String a = teams.freshAgent(TEAM_M1, "a");
    teams.onlyAvailable(TEAM_M1, a);
    teams.capacity(2);
    ProcessInstance first = openWeChatCase();
    ProcessInstance second = openWeChatCase();
    assertThat(List.of(owner(first), owner(second))).containsOnly(a);

    ProcessInstance pooled = openWeChatCase();

    assertThat(pooled).isWaitingAt("callBorrower");
    assertThat(owner(pooled)).isNull();
    assertThat(team(pooled)).isEqualTo(TEAM_M1);
    Task call = task(pooled, "callBorrower");
    assertThat(call.getAssignee()).isNull();
    assertThat(candidateGroups(call)).contains(TEAM_M1);
    assertThat(teams.kinds(loanId(pooled))).containsExactly("POOLED");
    assertThat(teams.openCases(a)).isEqualTo(2);

    pay(first, "8500.00");

    assertEnded(first, "SETTLED");
    assertThat(owner(pooled)).isEqualTo(a);
    assertThat(task(pooled, "callBorrower").getAssignee()).isEqualTo(a);
    assertThat(teams.kinds(loanId(pooled))).containsExactly("POOLED", "ALLOCATED");
    assertThat(teams.openCases(a)).isEqualTo(2);
  }

  @Test
  void aPooledCaseIsAllocatedByTheSweepOnceCapacityAllowsIt() {
    String a = teams.freshAgent(TEAM_M1, "a");
    teams.onlyAvailable(TEAM_M1, a);
    teams.capacity(1);
    openWeChatCase();
    ProcessInstance pooled = openWeChatCase();
    assertThat(owner(pooled)).isNull();

    teams.capacity(2);
    sweep.run();

    assertThat(owner(pooled)).isEqualTo(a);
    assertThat(task(pooled, "callBorrower").getAssignee()).isEqualTo(a);
  }

  @Test
  void fiftyIntakesAtOnceNeverPushAnAgentPastCapacityAndPoolTheRest() throws Exception {
    String a = teams.freshAgent(TEAM_M1, "a");
    String b = teams.freshAgent(TEAM_M1, "b");
    teams.onlyAvailable(TEAM_M1, a, b);
    teams.capacity(3);
    List<String> loanIds = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      loanIds.add(newLoanId());
    }

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(50);
    List<Future<OpenedCase>> opened = new ArrayList<>();
    try {
      for (String loanId : loanIds) {
        Callable<OpenedCase> intakeOne = () -> {
          start.await();
          return intake.open(payload(loanId, 15, "8500.00", 1, "NORMAL"));
        };
        opened.add(threads.submit(intakeOne));
      }
      start.countDown();
      for (Future<OpenedCase> f : opened) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(teams.openCases(a)).isEqualTo(3);
    assertThat(teams.openCases(b)).isEqualTo(3);
    List<Map<String, Object>> rows = jdbc.queryForList(
        "select o.loan_id, o.owner, o.team, (select count(*) from ownership_event e where e.case_id = o.case_id "
            + "and e.to_agent is not null) as allocations from case_ownership o where o.loan_id in ("
            + String.join(",", loanIds.stream().map(id -> "'" + id + "'").toList()) + ")");
    assertThat(rows).hasSize(50);
    assertThat(rows).extracting(r -> r.get("loan_id")).doesNotHaveDuplicates();
    assertThat(rows).allSatisfy(r -> assertThat(r.get("team")).isEqualTo(TEAM_M1));
    assertThat(rows).filteredOn(r -> r.get("owner") != null).hasSize(6)
        .allSatisfy(r -> assertThat(((Number) r.get("allocations")).intValue()).isEqualTo(1));
    assertThat(rows).filteredOn(r -> r.get("owner") == null).hasSize(44)
        .allSatisfy(r -> assertThat(((Number) r.get("allocations")).intValue()).isZero());
    // the process agrees with the table
    for (Map<String, Object> r : rows) {
      ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey((String) r.get("loan_id"))
          .singleResult();
      assertThat(owner(pi)).isEqualTo(r.get("owner"));
    }
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }
}
