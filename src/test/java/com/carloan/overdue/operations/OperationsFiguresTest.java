package com.carloan.overdue.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.carloan.overdue.process.ProcessTestSupport;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives cases along known paths and checks every business metric and every dashboard figure by what
 * was driven. The context is shared with the process tests, which open cases of their own: each test
 * compares the figures after its paths with the figures before them, at the same business time.
 */
class OperationsFiguresTest extends ProcessTestSupport {

  @Autowired MetricsSnapshots snapshots;
  @Autowired MeterRegistry registry;
  @Autowired Dashboard dashboard;

  @Test
  void openedCasesCountByAssessedStrategyAndRiskLevelAndAmount() {
    Figures before = figures();

    openWeChatCase();                                // 15 days, prior 1: MEDIUM, WECHAT_CONTACT
    openCase(5, "3000.00", 0, "NORMAL");             // first short slip: LOW, REMINDER
    openCase(40, "150000.00", 1, "NORMAL");          // large amount: HIGH, MANUAL_REVIEW
    openCase(30, "20000.00", 0, "GPS_OFFLINE");      // vehicle at risk: HIGH, ESCALATE

    Figures after = figures();
    assertThat(after.metric("collections.cases.opened", "strategy", "WECHAT_CONTACT", "riskLevel", "MEDIUM"))
        .isEqualTo(before.metric("collections.cases.opened", "strategy", "WECHAT_CONTACT", "riskLevel", "MEDIUM") + 1);
    assertThat(after.metric("collections.cases.opened", "strategy", "REMINDER", "riskLevel", "LOW"))
        .isEqualTo(before.metric("collections.cases.opened", "strategy", "REMINDER", "riskLevel", "LOW") + 1);
    assertThat(after.metric("collections.cases.opened", "strategy", "MANUAL_REVIEW", "riskLevel", "HIGH"))
        .isEqualTo(before.metric("collections.cases.opened", "strategy", "MANUAL_REVIEW", "riskLevel", "HIGH") + 1);
    assertThat(after.metric("collections.cases.opened", "strategy", "ESCALATE", "riskLevel", "HIGH"))
        .isEqualTo(before.metric("collections.cases.opened", "strategy", "ESCALATE", "riskLevel", "HIGH") + 1);
    assertThat(after.metric("collections.cases.opened", "strategy", "REMINDER", "riskLevel", "HIGH"))
        .isEqualTo(before.metric("collections.cases.opened", "strategy", "REMINDER", "riskLevel", "HIGH"));
    assertThat(after.metric("collections.cases.open")).isEqualTo(before.metric("collections.cases.open") + 4);
    assertThat(after.metric("collections.amount.due")).isEqualTo(before.metric("collections.amount.due") + 181_500);
    assertThat(after.metric("collections.amount.outstanding"))
        .isEqualTo(before.metric("collections.amount.outstanding") + 181_500);
    assertThat(after.data.open().cases()).isEqualTo(before.data.open().cases() + 4);
    assertThat(after.data.open().amountOutstanding())
        .isEqualByComparingTo(before.data.open().amountOutstanding().add(new BigDecimal("181500.00")));
  }

  @Test
  void openCasesCountInTheStageTheyWaitIn() {
    Figures before = figures();

    openCase(40, "150000.00", 1, "NORMAL");                          // reviewAssessment
    openCase(5, "3000.00", 0, "NORMAL");                             // reminder timer
    openWeChatCase();                                                // callBorrower
    var verifying = openWeChatCase();
    borrowerAddsWeCom(verifying);                                    // verifyBorrower
    caseAtNegotiation();                                             // negotiatePlan
    agentCompletes(caseAtNegotiation(), "negotiatePlan", installments(12));   // approvePlan
    agentCompletes(caseAtNegotiation(), "negotiatePlan", installments(3));    // installment timer
    openCase(30, "20000.00", 0, "GPS_OFFLINE");                      // reviewEscalation
    var legal = openCase(30, "20000.00", 0, "GPS_OFFLINE");
    decideEscalation(legal, "LEGAL_ACTION");                         // handleLitigation
    assertThat(legal).isWaitingAt("handleLitigation");

    Figures after = figures();
    for (Stage stage : Stage.values()) {
      assertThat(after.metric("collections.cases.open.stage", "stage", stage.key()))
          .as(stage.key()).isEqualTo(before.metric("collections.cases.open.stage", "stage", stage.key()) + 1);
      assertThat(after.stage(stage)).as("dashboard " + stage.key()).isEqualTo(before.stage(stage) + 1);
    }
    assertThat(after.metric("collections.cases.open")).isEqualTo(before.metric("collections.cases.open") + 9);
  }

  @Test
  void closedCasesCountByOutcomeWithWhatWasRecovered() {
    Figures before = figures();

    var settled = openWeChatCase();
    pay(settled, "3000.00");
    pay(settled, "5500.00");                                        // 8500 due: settled
    var writtenOff = openWeChatCase();
    agentCompletes(writtenOff, "callBorrower", Map.of("contactResult", "REFUSED", "callNotes", "拒绝"));
    pay(writtenOff, "1000.00");
    decideEscalation(writtenOff, "WRITE_OFF");
    assertEnded(settled, "SETTLED");
    assertEnded(writtenOff, "WRITTEN_OFF");

    Figures after = figures();
    assertThat(after.metric("collections.cases.closed", "outcome", "SETTLED"))
        .isEqualTo(before.metric("collections.cases.closed", "outcome", "SETTLED") + 1);
    assertThat(after.metric("collections.cases.closed", "outcome", "WRITTEN_OFF"))
        .isEqualTo(before.metric("collections.cases.closed", "outcome", "WRITTEN_OFF") + 1);
    assertThat(after.metric("collections.cases.closed", "outcome", "LEGAL_CLOSED"))
        .isEqualTo(before.metric("collections.cases.closed", "outcome", "LEGAL_CLOSED"));
    assertThat(after.metric("collections.amount.recovered"))
        .isEqualTo(before.metric("collections.amount.recovered") + 9_500);
    assertThat(after.metric("collections.cases.escalated", "reason", "CONTACT_REFUSED"))
        .isEqualTo(before.metric("collections.cases.escalated", "reason", "CONTACT_REFUSED") + 1);

    // Dashboard: both closed today, inside the window; 9,500 of 17,000 recovered.
    var o0 = before.data.outcomes();
    var o1 = after.data.outcomes();
    assertThat(o1.cases()).isEqualTo(o0.cases() + 2);
    assertThat(o1.amountDue()).isEqualByComparingTo(o0.amountDue().add(new BigDecimal("17000")));
    assertThat(o1.amountRepaid()).isEqualByComparingTo(o0.amountRepaid().add(new BigDecimal("9500")));
    assertThat(outcome(after, "SETTLED").cases()).isEqualTo(outcome(before, "SETTLED").cases() + 1);
    assertThat(outcome(after, "WRITTEN_OFF").amountRepaid())
        .isEqualByComparingTo(outcome(before, "WRITTEN_OFF").amountRepaid().add(new BigDecimal("1000")));
    var today = o1.days().get(o1.days().size() - 1);
    var todayBefore = o0.days().get(o0.days().size() - 1);
    assertThat(today.date()).isEqualTo(TUESDAY_10AM.toLocalDate());
    assertThat(o1.days()).hasSize(30);
    assertThat(today.casesByOutcome().getOrDefault("SETTLED", 0L))
        .isEqualTo(todayBefore.casesByOutcome().getOrDefault("SETTLED", 0L) + 1);
    assertThat(today.amountRepaid()).isEqualByComparingTo(todayBefore.amountRepaid().add(new BigDecimal("9500")));
    assertThat(after.reason("CONTACT_REFUSED")).isEqualTo(before.reason("CONTACT_REFUSED") + 1);
  }

  @Test
  void escalationsCountByReasonEachTimeACaseEscalates() {
    Figures before = figures();

    openCase(30, "20000.00", 0, "GPS_OFFLINE");                            // HIGH_RISK
    var unwilling = openWeChatCase();
    borrowerAddsWeCom(unwilling);
    verify(unwilling, true, false);                                        // UNWILLING
    var failedTwice = caseAtNegotiation();
    agentCompletes(failedTwice, "negotiatePlan", Map.of("negotiationOutcome", "FAILED"));  // NEGOTIATION_FAILED
    decideEscalation(failedTwice, "RETURN_TO_NEGOTIATION");
    fireNextTimer(failedTwice);                                            // NO_RESPONSE
    assertThat(failedTwice).isWaitingAt("reviewEscalation");

    Figures after = figures();
    Map<String, Integer> driven = Map.of("HIGH_RISK", 1, "UNWILLING", 1, "NEGOTIATION_FAILED", 1, "NO_RESPONSE", 1,
        "NO_CONTACT", 0, "BROKEN_PROMISE", 0);
    driven.forEach((reason, n) -> {
      assertThat(after.metric("collections.cases.escalated", "reason", reason))
          .as(reason).isEqualTo(before.metric("collections.cases.escalated", "reason", reason) + n);
      assertThat(after.reason(reason)).as("dashboard " + reason).isEqualTo(before.reason(reason) + n);
    });
  }

  @Test
  void promisesMadeKeptAndBroken() {
    Figures before = figures();

    var kept = caseAtNegotiation();
    agentCompletes(kept, "negotiatePlan", installments(3));
    pay(kept, "8500.00");                                                  // settled while on the plan
    var broken = caseAtNegotiation();
    agentCompletes(broken, "negotiatePlan", fullPayment());
    fireNextTimer(broken);                                                 // nothing paid by the due date
    assertThat(broken).hasPassed("brokenPromiseGateway").isWaitingAt("negotiatePlan");
    var pending = caseAtNegotiation();
    agentCompletes(pending, "negotiatePlan", installments(2));             // made, not yet due

    Figures after = figures();
    assertThat(after.metric("collections.promises.made")).isEqualTo(before.metric("collections.promises.made") + 3);
    assertThat(after.metric("collections.promises.kept")).isEqualTo(before.metric("collections.promises.kept") + 1);
    assertThat(after.metric("collections.promises.broken")).isEqualTo(before.metric("collections.promises.broken") + 1);
    assertThat(after.data.promises().made()).isEqualTo(before.data.promises().made() + 3);
    assertThat(after.data.promises().kept()).isEqualTo(before.data.promises().kept() + 1);
    assertThat(after.data.promises().broken()).isEqualTo(before.data.promises().broken() + 1);
  }

  @Test
  void weComRequestsAndAddsGiveTheRightPartyContactRate() {
    Figures before = figures();

    var added = openWeChatCase();
    borrowerAddsWeCom(added);
    var silent = openWeChatCase();
    agentCompletes(silent, "callBorrower", Map.of("contactResult", "NOT_REACHED", "callNotes", "无人接听"));
    fireNextTimer(silent);                                                 // no add: a second request
    assertThat(silent).isWaitingAt("callBorrower");

    Figures after = figures();
    assertThat(after.metric("collections.wecom.requests")).isEqualTo(before.metric("collections.wecom.requests") + 3);
    assertThat(after.metric("collections.wecom.requested.cases"))
        .isEqualTo(before.metric("collections.wecom.requested.cases") + 2);
    assertThat(after.metric("collections.wecom.adds")).isEqualTo(before.metric("collections.wecom.adds") + 1);
    double asked = after.metric("collections.wecom.requested.cases");
    assertThat(after.metric("collections.wecom.right.party.contact.ratio"))
        .isCloseTo(after.metric("collections.wecom.adds") / asked, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(after.data.contact().requests()).isEqualTo(before.data.contact().requests() + 3);
    assertThat(after.data.contact().casesAsked()).isEqualTo(before.data.contact().casesAsked() + 2);
    assertThat(after.data.contact().adds()).isEqualTo(before.data.contact().adds() + 1);
  }

  @Test
  void openTasksPerQueueAndDeadlineBreaches() {
    var later = TUESDAY_10AM.plusHours(9);                                 // callBorrower may wait 8 hours
    setClock(later);
    Figures before = figures();
    setClock(TUESDAY_10AM);

    var pi = openWeChatCase();                                             // callBorrower, follow-up 10:00
    tasks.setAssignee(task(pi, "callBorrower").getId(), null);             // its owner gave it back: unassigned
    var overdue = openWeChatCase();
    tasks.setDueDate(task(overdue, "callBorrower").getId(), Date.from(TUESDAY_10AM.minusHours(1).toInstant()));
    claimAsAgent(overdue);
    openCase(40, "150000.00", 1, "NORMAL");                                // reviewAssessment, 1 day allowed

    setClock(later);
    Figures after = figures();
    assertThat(after.metric("collections.tasks.open", "task", "callBorrower"))
        .isEqualTo(before.metric("collections.tasks.open", "task", "callBorrower") + 2);
    assertThat(after.metric("collections.tasks.unassigned", "task", "callBorrower"))
        .isEqualTo(before.metric("collections.tasks.unassigned", "task", "callBorrower") + 1);
    assertThat(after.metric("collections.tasks.past.due", "task", "callBorrower"))
        .isEqualTo(before.metric("collections.tasks.past.due", "task", "callBorrower") + 2);
    assertThat(after.metric("collections.tasks.follow.up.due", "task", "callBorrower"))
        .isEqualTo(before.metric("collections.tasks.follow.up.due", "task", "callBorrower") + 2);
    assertThat(after.metric("collections.tasks.open", "task", "reviewAssessment"))
        .isEqualTo(before.metric("collections.tasks.open", "task", "reviewAssessment") + 1);
    assertThat(after.metric("collections.tasks.past.due", "task", "reviewAssessment"))
        .isEqualTo(before.metric("collections.tasks.past.due", "task", "reviewAssessment"));
    assertThat(after.metric("collections.tasks.open.group", "group", "team-m1"))
        .isEqualTo(before.metric("collections.tasks.open.group", "group", "team-m1") + 2);
    assertThat(after.metric("collections.tasks.open.group", "group", "collection-supervisor"))
        .isEqualTo(before.metric("collections.tasks.open.group", "group", "collection-supervisor") + 3);

    var call0 = before.queue("callBorrower");
    var call1 = after.queue("callBorrower");
    assertThat(call1.candidateGroups()).containsExactly("team", "collection-supervisor");
    assertThat(call1.name()).contains("致电借款人");
    assertThat(call1.open()).isEqualTo(call0.open() + 2);
    assertThat(call1.unassigned()).isEqualTo(call0.unassigned() + 1);
    assertThat(call1.pastDeadline()).isEqualTo(call0.pastDeadline() + 2);
    assertThat(after.queue("reviewAssessment").open()).isEqualTo(before.queue("reviewAssessment").open() + 1);
    assertThat(pi).isWaitingAt("callBorrower");
  }

  @Test
  void jobBacklogAndIncidents() {
    Figures before = figures();

    // Opened without running its first async step: requestWeChatContact waits for the job executor.
    String id = intake.open(payload(newLoanId(), 15, "8500.00", 1, "NORMAL")).processInstanceId();
    Job job = management.createJobQuery().processInstanceId(id).singleResult();
    Figures queued = figures();
    assertThat(queued.metric("collections.jobs", "state", "due")).isEqualTo(before.metric("collections.jobs", "state", "due") + 1);

    management.setJobRetries(job.getId(), 0);                              // as after the last failed retry
    Figures failed = figures();
    assertThat(failed.metric("collections.jobs", "state", "failed"))
        .isEqualTo(before.metric("collections.jobs", "state", "failed") + 1);
    assertThat(failed.metric("collections.jobs", "state", "due")).isEqualTo(before.metric("collections.jobs", "state", "due"));
    assertThat(failed.metric("collections.incidents.open", "type", "failedJob"))
        .isEqualTo(before.metric("collections.incidents.open", "type", "failedJob") + 1);

    management.setJobRetries(job.getId(), 1);                              // an operator retries it
    executeDueJobs(runtime.createProcessInstanceQuery().processInstanceId(id).singleResult());
    Figures resolved = figures();
    assertThat(resolved.metric("collections.incidents.open", "type", "failedJob"))
        .isEqualTo(before.metric("collections.incidents.open", "type", "failedJob"));
    assertThat(resolved.metric("collections.jobs", "state", "failed")).isEqualTo(before.metric("collections.jobs", "state", "failed"));
  }

  // ---- helpers

  /** Its owner holds the call (allocation assigned it); the test only makes sure of it. */
  private void claimAsAgent(ProcessInstance pi) {
    assertThat(task(pi, "callBorrower").getAssignee()).isEqualTo(owner(pi));
  }

  private static DashboardData.OutcomeTotal outcome(Figures f, String outcome) {
    return f.data.outcomes().totals().stream().filter(t -> t.outcome().equals(outcome)).findFirst().orElseThrow();
  }

  /** Every meter as Prometheus would read it now, and the dashboard's figures now, both uncached. */
  private Figures figures() {
    snapshots.refresh();
    Map<String, Double> meters = new LinkedHashMap<>();
    for (Meter meter : registry.getMeters()) {
      if (meter.getId().getName().startsWith("collections.")) {
        meters.put(key(meter.getId().getName(), meter.getId().getTags().stream()
            .flatMap(t -> java.util.stream.Stream.of(t.getKey(), t.getValue())).toArray(String[]::new)),
            meter.measure().iterator().next().getValue());
      }
    }
    return new Figures(meters, dashboard.compute());
  }

  private static String key(String name, String... tags) {
    Map<String, String> sorted = new java.util.TreeMap<>();
    for (int i = 0; i < tags.length; i += 2) {
      sorted.put(tags[i], tags[i + 1]);
    }
    return name + sorted;
  }

  private record Figures(Map<String, Double> meters, DashboardData data) {

    double metric(String name, String... tags) {
      Double value = meters.get(key(name, tags));
      assertThat(value).as("meter " + key(name, tags)).isNotNull();
      return value;
    }

    long stage(Stage stage) {
      return find(data.funnel(), s -> s.stage().equals(stage.key())).cases();
    }

    long reason(String reason) {
      return find(data.escalations(), r -> r.reason().equals(reason)).escalations();
    }

    DashboardData.QueueRow queue(String task) {
      return find(data.queues(), q -> q.task().equals(task));
    }

    private static <T> T find(java.util.List<T> rows, java.util.function.Predicate<T> match) {
      return rows.stream().filter(match).findFirst().orElseThrow();
    }
  }
}
