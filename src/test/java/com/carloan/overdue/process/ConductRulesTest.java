package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The conduct rules the process enforces: quiet hours (21:00–08:00 Shanghai) and 3 attempts a borrower a day. */
class ConductRulesTest extends ProcessTestSupport {

  private static final ZonedDateTime LATE_EVENING = ZonedDateTime.parse("2026-12-01T22:30:00+08:00[Asia/Shanghai]");
  private static final ZonedDateTime NEXT_MORNING = ZonedDateTime.parse("2026-12-02T08:00:00+08:00[Asia/Shanghai]");

  private ProcessInstance open(String phone) {
    String id = intake.open(payload(newLoanId(), 15, "8500.00", 1, "NORMAL", phone)).processInstanceId();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    executeDueJobs(pi);
    return pi;
  }

  private List<Instant> sendTimes(ProcessInstance pi) {
    return jdbc.queryForList("select send_after from outbound_message where loan_id = ? order by id",
        java.sql.Timestamp.class, loanId(pi)).stream().map(java.sql.Timestamp::toInstant).toList();
  }

  private int recordedSms(ProcessInstance pi) {
    return jdbc.queryForObject("select count(*) from gateway_record where gateway = 'SMS' and loan_id = ?",
        Integer.class, loanId(pi));
  }

  private Instant followUp(ProcessInstance pi) {
    return task(pi, "callBorrower").getFollowUpDate().toInstant();
  }

  @Test
  void aCaseOpenedInQuietHoursTextsAndCallsAtEightNextMorning() {
    setClock(LATE_EVENING);
    var pi = open(newPhone());

    assertThat(pi).isWaitingAt("callBorrower");
    assertThat(sendTimes(pi)).containsExactly(NEXT_MORNING.toInstant());
    assertThat(followUp(pi)).isEqualTo(NEXT_MORNING.toInstant());

    outbox.dispatchDue();
    assertThat(recordedSms(pi)).isZero();

    setClock(NEXT_MORNING.plusSeconds(1));
    outbox.dispatchDue();
    assertThat(recordedSms(pi)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select recipient_masked from gateway_record where gateway = 'SMS' and loan_id = ?",
        String.class, loanId(pi))).matches("139\\*{4}\\d{4}");

    outbox.dispatchDue();
    assertThat(recordedSms(pi)).as("a message is sent once").isEqualTo(1);
  }

  @Test
  void justBeforeNineInTheEveningIsStillInsideTheWindow() {
    setClock(ZonedDateTime.parse("2026-12-01T20:59:00+08:00[Asia/Shanghai]"));
    var pi = open(newPhone());

    assertThat(sendTimes(pi)).containsExactly(now().toInstant());
    outbox.dispatchDue();
    assertThat(recordedSms(pi)).isEqualTo(1);
  }

  @Test
  void theFourthAttemptOnABorrowerInOneDayWaitsForTomorrow() {
    String phone = newPhone();
    var first = open(phone);   // SMS + call: attempts 1 and 2
    var second = open(phone);  // SMS: attempt 3; its call would be the 4th

    assertThat(sendTimes(first)).containsExactly(now().toInstant());
    assertThat(followUp(first)).isEqualTo(now().toInstant());
    assertThat(sendTimes(second)).containsExactly(now().toInstant());
    assertThat(followUp(second)).isEqualTo(NEXT_MORNING.toInstant());

    var third = open(phone);
    assertThat(sendTimes(third)).containsExactly(NEXT_MORNING.toInstant());

    assertThat(jdbc.queryForObject("select count(*) from contact_attempt where loan_id in (?, ?, ?)", Integer.class,
        loanId(first), loanId(second), loanId(third))).isEqualTo(6);
  }

  @Test
  void anotherBorrowerIsNotHeldBackBySomeoneElsesAttempts() {
    String busy = newPhone();
    open(busy);
    open(busy);

    var other = open(newPhone());

    assertThat(sendTimes(other)).containsExactly(now().toInstant());
    assertThat(followUp(other)).isEqualTo(now().toInstant());
  }
}
