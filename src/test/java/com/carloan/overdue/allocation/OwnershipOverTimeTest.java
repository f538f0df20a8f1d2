package com.carloan.overdue.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ownership as business time passes (CONTRACT §4): the end of the
 * holding period (a kept agreement stays, any other case goes to someone else) and a bucket move that takes a
 * case to another team and owner. A transfer racing a completion is in {@link OwnershipApiTest}, over HTTP.
 */
class OwnershipOverTimeTest extends TeamsTestSupport {

  @Test
  void atTheEndOfTheHoldingPeriodAKeptAgreementStaysAndAnyOtherCaseGoesToSomeoneElse() {
    String a = teams.freshAgent(TEAM_M1, "a");
    String b = teams.freshAgent(TEAM_M1, "b");
    teams.onlyAvailable(TEAM_M1, a);
    teams.holdingPeriod(Duration.ofHours(1));
    ProcessInstance keeping = caseAtNegotiation();
    agentCompletes(keeping, "negotiatePlan", installments(3));
    assertThat(keeping).isWaitingAt("installmentDue");
    ProcessInstance calling = openWeChatCase();
    assertThat(List.of(owner(keeping), owner(calling))).containsOnly(a);
    moves.availability(b, true, null, false, "supervisor1");

    advance(Duration.ofMinutes(59));
    sweep.run();
    assertThat(owner(calling)).as("still within the holding period").isEqualTo(a);

    advance(Duration.ofMinutes(2));
    sweep.run();

    assertThat(owner(keeping)).isEqualTo(a);
    assertThat(teams.events(loanId(keeping))).last().satisfies(e -> {
      assertThat(e.get("kind")).isEqualTo("HELD");
      assertThat(e.get("actor")).isEqualTo("system");
      assertThat((String) e.get("reason")).startsWith("repayment agreement kept");
    });
    assertThat(owner(calling)).isEqualTo(b);
    assertThat(task(calling, "callBorrower").getAssignee()).isEqualTo(b);
    assertThat(teams.events(loanId(calling))).last().satisfies(e -> {
      assertThat(e.get("kind")).isEqualTo("REALLOCATED");
      assertThat(e.get("from_agent")).isEqualTo(a);
      assertThat(e.get("to_agent")).isEqualTo(b);
      assertThat(e.get("reason")).isEqualTo("holding period ended");
    });

    // a second node's sweep, or the next one, finds nothing left to do
    List<String> before = teams.kinds(loanId(calling));
    sweep.run();
    assertThat(teams.kinds(loanId(calling))).isEqualTo(before);
  }

  @Test
  void crossingDay31MovesTheCaseToBucketM2AndToTeamM2sAgentWithItsCall() {
    String a = teams.freshAgent(TEAM_M1, "a");
    teams.onlyAvailable(TEAM_M1, a);
    String c = teams.freshAgent(TEAM_M2, "c");
    teams.onlyAvailable(TEAM_M2, c);
    ProcessInstance pi = openCase(29, "8500.00", 1, "NORMAL");
    assertThat(pi).isWaitingAt("callBorrower");
    assertThat(owner(pi)).isEqualTo(a);
    assertThat(variable(pi, "bucket")).isEqualTo("M1");

    // day 30 is still M1
    setClock(TUESDAY_10AM.plusDays(1));
    sweep.run();
    assertThat(variable(pi, "bucket")).isEqualTo("M1");

    // midnight in Shanghai begins day 31
    setClock(TUESDAY_10AM.plusDays(2).withHour(0).withMinute(0).withSecond(30));
    sweep.run();

    assertThat(variable(pi, "bucket")).isEqualTo("M2");
    assertThat(team(pi)).isEqualTo(TEAM_M2);
    assertThat(owner(pi)).isEqualTo(c);
    Task call = task(pi, "callBorrower");
    assertThat(call.getAssignee()).isEqualTo(c);
    assertThat(candidateGroups(call)).containsExactlyInAnyOrder(TEAM_M2, "collection-supervisor");
    List<Map<String, Object>> events = teams.events(loanId(pi));
    assertThat(events).extracting(e -> e.get("kind")).containsExactly("ALLOCATED", "BUCKET_MOVED", "REALLOCATED");
    assertThat(events.get(1)).containsEntry("from_bucket", "M1").containsEntry("to_bucket", "M2")
        .containsEntry("actor", "system");
    assertThat(events.get(2)).containsEntry("from_team", TEAM_M1).containsEntry("to_team", TEAM_M2)
        .containsEntry("from_agent", a).containsEntry("to_agent", c);

    sweep.run();
    assertThat(teams.events(loanId(pi))).hasSize(3);
  }

  /**
   * Two nodes' sweeps after the application was down for 40 days: the case crossed day 31 and day 61, each move
   * is recorded once, on its own date, and the case lands in team M3, whichever sweep got there first.
   */
  @Test
  void afterADowntimeTwoSweepsAtOnceCatchUpEveryBoundaryOnceEachOnItsDate() throws Exception {
    String a = teams.freshAgent(TEAM_M1, "a");
    teams.onlyAvailable(TEAM_M1, a);
    String d = teams.freshAgent(TEAM_M3, "d");
    teams.onlyAvailable(TEAM_M3, d);
    ProcessInstance pi = openCase(29, "8500.00", 1, "NORMAL");
    long caseId = jdbc.queryForObject("select case_id from case_ownership where loan_id = ?", Long.class, loanId(pi));
    setClock(TUESDAY_10AM.plusDays(40));

    TransactionTemplate transaction = new TransactionTemplate(transactions);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<Integer>> moved = new java.util.ArrayList<>();
    try {
      for (int node = 0; node < 2; node++) {
        moved.add(nodes.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return transaction.execute(status -> sweep.moveBuckets(caseId));
        }));
      }
      assertThat(moved.get(0).get(30, TimeUnit.SECONDS) + moved.get(1).get(30, TimeUnit.SECONDS))
          .as("bucket moves made by both sweeps together").isEqualTo(2);
    } finally {
      nodes.shutdownNow();
    }

    List<Map<String, Object>> events = teams.events(loanId(pi));
    assertThat(events).extracting(e -> e.get("kind"))
        .containsExactly("ALLOCATED", "BUCKET_MOVED", "BUCKET_MOVED", "REALLOCATED");
    assertThat(events.get(1)).containsEntry("from_bucket", "M1").containsEntry("to_bucket", "M2");
    assertThat(shanghai(events.get(1).get("at"))).isEqualTo("2026-12-03T00:00");
    assertThat(events.get(2)).containsEntry("from_bucket", "M2").containsEntry("to_bucket", "M3");
    assertThat(shanghai(events.get(2).get("at"))).isEqualTo("2027-01-02T00:00");
    assertThat(events.get(3)).containsEntry("to_team", TEAM_M3).containsEntry("to_agent", d);
    assertThat(variable(pi, "bucket")).isEqualTo("M3");
    assertThat(owner(pi)).isEqualTo(d);
    assertThat(task(pi, "callBorrower").getAssignee()).isEqualTo(d);
  }

  private static String shanghai(Object timestamp) {
    java.time.Instant at = timestamp instanceof java.sql.Timestamp t ? t.toInstant()
        : ((java.time.OffsetDateTime) timestamp).toInstant();
    return at.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDateTime().toString().substring(0, 16);
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }
}
