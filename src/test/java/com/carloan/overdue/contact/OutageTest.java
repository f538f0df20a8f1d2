package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.carloan.overdue.process.ProcessTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SMS provider and WeCom are down (a local stub answering 500), then come back. The WeCom call of
 * {@code requestWeChatContact} fails its job until the retries (R3/PT5M) are spent: a failedJob incident,
 * retried as Cockpit does it (retries set to 1). An SMS the provider refuses {@code max-attempts} times
 * becomes a smsDeliveryFailed incident, resolved as an operator does it. Afterwards every case has
 * moved on and every SMS reached the phone exactly once.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:outage-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "collections.scheduling.enabled=false",
    // the cases of every test class sharing this database stay open: no agent may fill up by accident
    "collections.allocation.capacity=1000000",
    "collections.sms.provider=http",
    "collections.wecom.provider=http",
    "collections.wecom.corp-id=ww-test",
    "collections.wecom.api.secret=contact-secret",
    "collections.wecom.api.contact-users=agent1",
    "collections.outbox.max-attempts=3",
    "collections.outbox.retry-after=PT5M"})
class OutageTest extends ProcessTestSupport {

  private static final OutsideWorldStub outside = new OutsideWorldStub();
  private static final Duration RETRY = Duration.ofMinutes(5).plusSeconds(1);

  @DynamicPropertySource
  static void stubUrls(DynamicPropertyRegistry registry) {
    registry.add("collections.sms.http.url", outside::smsUrl);
    registry.add("collections.wecom.api.url", outside::baseUrl);
  }

  @AfterAll
  static void stopStub() {
    outside.close();
  }

  @BeforeEach
  void everythingUp() {
    outside.failing(false).loseAnswers(false);
    outbox.dispatchDue();
    outside.smsDelivered.clear();
    outside.smsPosted.clear();
    outside.contactWaysCreated.clear();
  }

  @Test
  void incidentsDuringTheOutageAreRetriedAfterItAndEveryCaseMovesOnWithEachSmsDeliveredOnce() {
    outside.failing(true);
    ProcessInstance reminder = open(3, "800.00", 0, "NORMAL");
    ProcessInstance weChat1 = open(15, "8500.00", 1, "NORMAL");
    ProcessInstance weChat2 = open(20, "9500.00", 1, "NORMAL");
    ProcessInstance escalated = open(120, "8500.00", 1, "NORMAL");
    List<ProcessInstance> cases = List.of(reminder, weChat1, weChat2, escalated);

    // Three job runs and three dispatches, five minutes apart, all refused.
    for (int attempt = 1; attempt <= 3; attempt++) {
      cases.forEach(this::runDueJobsTolerantly);
      outbox.dispatchDue();
      advance(RETRY);
    }

    assertThat(weChat1).isWaitingAt("requestWeChatContact");
    assertThat(incidents(weChat1)).singleElement().satisfies(i -> {
      assertThat(i.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(i.getActivityId()).isEqualTo("requestWeChatContact");
      assertThat(i.getIncidentMessage()).contains("HTTP 500");
    });
    assertThat(incidents(weChat2)).extracting(Incident::getIncidentType).containsExactly("failedJob");
    assertThat(smsTemplates(weChat1)).as("the failed step queued no SMS").isEmpty();
    assertThat(incidents(reminder)).singleElement().satisfies(i -> {
      assertThat(i.getIncidentType()).isEqualTo(SmsDeliveryIncidents.TYPE);
      assertThat(i.getActivityId()).isEqualTo("reminderWaitOver");
      assertThat(i.getIncidentMessage()).contains("PAYMENT_REMINDER", "3 attempts", "HTTP 500");
    });
    assertThat(incidents(escalated)).extracting(Incident::getIncidentType).containsExactly(SmsDeliveryIncidents.TYPE);
    assertThat(escalated).isWaitingAt("reviewEscalation");
    assertThat(statuses(cases)).containsOnly(Map.entry(loanId(reminder), "FAILED"), Map.entry(loanId(escalated), "FAILED"));
    assertThat(outside.smsDelivered).isEmpty();
    outbox.dispatchDue();
    assertThat(outside.smsPosted.values().stream().mapToInt(Integer::intValue).sum()).as("no 4th attempt").isEqualTo(6);

    outside.failing(false);
    cases.forEach(pi -> incidents(pi).forEach(this::retryAsAnOperatorWould));
    cases.forEach(this::runDueJobsTolerantly);
    outbox.dispatchDue();

    assertThat(cases).allSatisfy(pi -> assertThat(incidents(pi)).isEmpty());
    assertThat(weChat1).isWaitingAt("callBorrower");
    assertThat(weChat2).isWaitingAt("callBorrower");
    assertThat(reminder).isWaitingAt("reminderWaitOver");
    assertThat(escalated).isWaitingAt("reviewEscalation");
    assertThat(smsTemplates(weChat1)).containsExactly("WECOM_REQUEST");
    assertThat(smsTemplates(reminder)).containsExactly("PAYMENT_REMINDER");
    assertThat(smsTemplates(escalated)).containsExactly("CREDIT_REPORT_NOTICE");
    assertThat(statuses(cases)).hasSize(4).allSatisfy((loan, status) -> assertThat(status).isEqualTo("SENT"));
    assertThat(outside.smsDelivered).hasSize(4).allSatisfy((reference, times) -> assertThat(times).isOne());
    assertThat(outside.contactWaysCreated).as("one WeCom entry per case, none from the failed runs")
        .containsOnly(Map.entry(state(weChat1), 1), Map.entry(state(weChat2), 1));

    outbox.dispatchDue();
    assertThat(outside.smsDeliveredTotal()).as("nothing is sent twice").isEqualTo(4);
  }

  @Test
  void anSmsTheProviderTookButWhoseAnswerWasLostIsResentWithTheSameKeyAndDeliveredOnce() {
    outside.loseAnswers(true);
    ProcessInstance reminder = open(3, "800.00", 0, "NORMAL");
    outbox.dispatchDue();
    advance(RETRY);
    outside.loseAnswers(false);
    outbox.dispatchDue();

    String reference = "sms-" + jdbc.queryForObject("select id from outbound_message where loan_id = ?", Long.class,
        loanId(reminder));
    assertThat(outside.smsPosted).containsEntry(reference, 2);
    assertThat(outside.smsDelivered).containsExactly(Map.entry(reference, 1));
    assertThat(statuses(List.of(reminder))).containsExactly(Map.entry(loanId(reminder), "SENT"));
  }

  @Test
  void aRetryAfterTheProviderRefusedNeverFallsIntoQuietHours() {
    setClock(java.time.ZonedDateTime.parse("2026-12-01T20:58:00+08:00[Asia/Shanghai]"));
    outside.failing(true);
    ProcessInstance reminder = open(3, "800.00", 0, "NORMAL");
    outbox.dispatchDue();

    assertThat(jdbc.queryForObject("select send_after from outbound_message where loan_id = ?", java.sql.Timestamp.class,
        loanId(reminder)).toInstant()).isEqualTo(java.time.Instant.parse("2026-12-02T00:00:00Z"));
    outside.failing(false);
    advance(Duration.ofMinutes(10));
    outbox.dispatchDue();
    assertThat(outside.smsDelivered).as("not at 21:08").isEmpty();
  }

  // ---- helpers

  private ProcessInstance open(int daysPastDue, String amount, int prior, String vehicle) {
    String id = intake.open(payload(newLoanId(), daysPastDue, amount, prior, vehicle)).processInstanceId();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    runDueJobsTolerantly(pi);
    return pi;
  }

  /** What the job executor does: run each due job; a failure costs a retry and moves the job 5 minutes on. */
  private void runDueJobsTolerantly(ProcessInstance pi) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException expectedDuringTheOutage) {
          // the engine has recorded the failure on the job
        }
      }
    }
  }

  private List<Incident> incidents(ProcessInstance pi) {
    return runtime.createIncidentQuery().processInstanceId(pi.getId()).list();
  }

  /** Cockpit's "retry" for a failed job sets its retries to 1; a custom incident is resolved. */
  private void retryAsAnOperatorWould(Incident incident) {
    if (Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
      management.setJobRetries(incident.getConfiguration(), 1);
    } else {
      runtime.resolveIncident(incident.getId());
    }
  }

  /** Loan id → status of its (one) outbox message. */
  private Map<String, String> statuses(List<ProcessInstance> cases) {
    Map<String, String> byLoan = new java.util.TreeMap<>();
    for (ProcessInstance pi : cases) {
      jdbc.queryForList("select status from outbound_message where loan_id = ?", String.class, loanId(pi))
          .forEach(status -> byLoan.merge(loanId(pi), status, (a, b) -> a + "," + b));
    }
    return byLoan;
  }

  private String state(ProcessInstance pi) {
    return (String) runtime.getVariable(pi.getId(), "wecomState");
  }
}
