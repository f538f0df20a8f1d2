package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settlement at any stage: the payment that reaches the amount due ends whatever the case was doing. */
class SettlementTest extends ProcessTestSupport {

  @Test
  void paymentDuringTheReminderWaitSettles() {
    var pi = openCase(5, "3000.00", 0, "NORMAL");

    var status = pay(pi, "3000.00");

    assertThat(status.settled()).isTrue();
    assertEnded(pi, "SETTLED");
    assertThat(pi).hasPassed("debtSettled", "archiveCase").hasNotPassed("requestWeChatContact");
  }

  @Test
  void partPaymentsDuringTheCallSettleOnceTheyReachTheAmountDue() {
    var pi = openWeChatCase();

    var first = pay(pi, "5000.00");
    assertThat(first.settled()).isFalse();
    assertThat(pi).isWaitingAt("callBorrower");
    assertThat(pi).variables().containsEntry("amountRepaid", 5000.0);

    var second = pay(pi, "3500.00");

    assertThat(second.settled()).isTrue();
    assertThat(second.amountRepaid()).isEqualByComparingTo("8500.00");
    assertEnded(pi, "SETTLED");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void paymentDuringLitigationSettlesTheCase() {
    var pi = openWeChatCase();
    agentCompletes(pi, "callBorrower", Map.of("contactResult", "REFUSED"));
    decideEscalation(pi, "LEGAL_ACTION");
    assertThat(pi).isWaitingAt("handleLitigation");

    pay(pi, "8500.00");

    assertEnded(pi, "SETTLED");
    assertThat(pi).hasNotPassed("closedByCourt");
    assertThat(pi).variables().containsEntry("escalationReason", "CONTACT_REFUSED");
  }
}
