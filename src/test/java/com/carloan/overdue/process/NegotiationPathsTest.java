package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import com.carloan.overdue.negotiation.InvalidPlanException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;

/** Verification and negotiation (信息核实与协商), four-eyes approval, the repayment agreement and broken promises. */
class NegotiationPathsTest extends ProcessTestSupport {

  @Test
  void wechatContactThenInstallmentPlanSettles() {
    var pi = caseAtNegotiation();

    agentCompletes(pi, "negotiatePlan", installments(3));
    assertThat(pi).hasPassedInOrder("negotiatePlan", "recordAgreement").isWaitingAt("installmentDue");
    assertThat(pi).variables().containsEntry("approvalRequired", false).containsEntry("negotiatedBy", owner(pi));
    assertThat(jdbc.queryForList("select amount from repayment_installment i join loan_case c on c.id = i.case_id "
        + "where c.loan_id = ? order by seq", BigDecimal.class, loanId(pi)))
        .containsExactly(new BigDecimal("2833.33"), new BigDecimal("2833.33"), new BigDecimal("2833.34"));

    pay(pi, "2833.33");
    fireNextTimer(pi);
    assertThat(pi).hasPassed("checkInstallments").isWaitingAt("installmentDue");
    assertThat(pi).variables().containsEntry("installmentCheck", "ON_TRACK");

    pay(pi, "2833.33");
    var last = pay(pi, "2833.34");

    assertThat(last.settled()).isTrue();
    assertEnded(pi, "SETTLED");
    assertThat(pi).hasPassed("debtSettled", "archiveCase");
    assertThat(smsTemplates(pi)).containsExactly("WECOM_REQUEST", "AGREEMENT_CONFIRMATION");
  }

  @Test
  void unverifiedIdentityEscalates() {
    var pi = openWeChatCase();
    borrowerAddsWeCom(pi);

    verify(pi, false, true);

    assertThat(pi).hasPassed("escalateIdentityUnverified").isWaitingAt("reviewEscalation");
    assertThat(pi).variables().containsEntry("escalationReason", "IDENTITY_UNVERIFIED");
  }

  @Test
  void unwillingBorrowerEscalates() {
    var pi = openWeChatCase();
    borrowerAddsWeCom(pi);

    verify(pi, true, false);

    assertThat(pi).hasPassed("escalateUnwilling").isWaitingAt("reviewEscalation");
    assertThat(pi).variables().containsEntry("escalationReason", "UNWILLING");
  }

  @Test
  void silenceDuringVerificationEscalatesAsNoResponse() {
    var pi = openWeChatCase();
    borrowerAddsWeCom(pi);

    fireNextTimer(pi);

    assertThat(pi).hasPassed("verificationTimedOut", "escalateNoResponseAtVerification").isWaitingAt("reviewEscalation");
    assertThat(pi).variables().containsEntry("escalationReason", "NO_RESPONSE");
  }

  @Test
  void silenceDuringNegotiationEscalatesAsNoResponse() {
    var pi = caseAtNegotiation();

    fireNextTimer(pi);

    assertThat(pi).hasPassed("negotiationTimedOut", "escalateNoResponseAtNegotiation").isWaitingAt("reviewEscalation");
    assertThat(pi).variables().containsEntry("escalationReason", "NO_RESPONSE");
  }

  @Test
  void failedNegotiationEscalates() {
    var pi = caseAtNegotiation();

    agentCompletes(pi, "negotiatePlan", Map.of("negotiationOutcome", "FAILED", "negotiationNotes", "无法达成一致"));

    assertThat(pi).hasPassed("escalateNegotiationFailed").isWaitingAt("reviewEscalation");
    assertThat(pi).variables().containsEntry("escalationReason", "NEGOTIATION_FAILED");
  }

  @Test
  void anInvalidPlanIsRefusedAndNothingMoves() {
    var pi = caseAtNegotiation();
    Map<String, Object> bad = new HashMap<>(installments(25));
    bad.put("firstDueDate", "2020-01-01");

    assertThatThrownBy(() -> agentCompletes(pi, "negotiatePlan", bad))
        .hasRootCauseInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("installmentCount").hasMessageContaining("firstDueDate");

    assertThat(pi).isWaitingAt("negotiatePlan");
    assertThat(pi).variables().doesNotContainKey("installmentCount").doesNotContainKey("planType");
  }

  @Test
  void longPlanNeedsASupervisorOtherThanTheNegotiator() {
    var pi = caseAtNegotiation();
    agentCompletes(pi, "negotiatePlan", installments(12));
    assertThat(pi).isWaitingAt("approvePlan");
    assertThat(pi).task().hasCandidateGroup("collection-supervisor").hasName("方案审批 · " + loanId(pi));

    supervisorCompletes(pi, "approvePlan", Map.of("planApproved", true, "approvalComment", "同意"));

    assertThat(pi).hasPassedInOrder("approvePlan", "recordAgreement").isWaitingAt("installmentDue");
  }

  @Test
  void longDeferralNeedsApproval() {
    var pi = caseAtNegotiation();

    agentCompletes(pi, "negotiatePlan", Map.of("negotiationOutcome", "AGREED", "planType", "DEFERRAL",
        "deferralDays", 45.0, "firstDueDate", inDays(3)));

    assertThat(pi).isWaitingAt("approvePlan");
    assertThat(pi).variables().containsEntry("deferralDays", 45).containsEntry("installmentCount", 1);
  }

  @Test
  void theNegotiatorCannotApproveTheirOwnPlan() {
    var pi = caseAtNegotiation();
    complete(pi, "negotiatePlan", "supervisor1", "collection-supervisor", installments(12));

    assertThatThrownBy(() -> supervisorCompletes(pi, "approvePlan", Map.of("planApproved", true)))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Four-eyes");

    assertThat(pi).isWaitingAt("approvePlan");
    tasks.setAssignee(task(pi, "approvePlan").getId(), null); // supervisor1 hands the task back
    complete(pi, "approvePlan", "supervisor2", "collection-supervisor", Map.of("planApproved", true));
    assertThat(pi).isWaitingAt("installmentDue");
  }

  @Test
  void rejectedPlanGoesBackToNegotiation() {
    var pi = caseAtNegotiation();
    agentCompletes(pi, "negotiatePlan", installments(18));

    supervisorCompletes(pi, "approvePlan", Map.of("planApproved", false, "approvalComment", "期数过长"));

    assertThat(pi).hasPassed("approvalDecisionGateway").isWaitingAt("negotiatePlan");
    assertThat((String) variable(pi, "caseNotes")).contains("planApproved=false").contains("期数过长");
  }

  @Test
  void firstBrokenPromiseRenegotiatesAndTheSecondEscalates() {
    var pi = caseAtNegotiation();
    agentCompletes(pi, "negotiatePlan", fullPayment());

    fireNextTimer(pi);
    assertThat(pi).hasPassed("checkInstallments", "brokenPromiseGateway").isWaitingAt("negotiatePlan");
    assertThat(pi).variables().containsEntry("brokenPromises", 1).containsEntry("installmentCheck", "BROKEN");

    pay(pi, "500.00");
    agentCompletes(pi, "negotiatePlan", installments(2));
    assertThat(jdbc.queryForObject("select sum(amount) from repayment_installment i join loan_case c on c.id = i.case_id "
        + "where c.loan_id = ? and plan_no = 2", BigDecimal.class, loanId(pi))).isEqualByComparingTo("8000.00");
    fireNextTimer(pi);

    assertThat(pi).hasPassed("escalateBrokenPromise").isWaitingAt("reviewEscalation");
    assertThat(pi).variables().containsEntry("brokenPromises", 2).containsEntry("escalationReason", "BROKEN_PROMISE");
  }
}
