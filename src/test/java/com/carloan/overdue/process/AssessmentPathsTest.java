package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Internal assessment (内部评估): each strategy of the decision, and the supervisor's manual review. */
class AssessmentPathsTest extends ProcessTestSupport {

  @Test
  void firstShortSlipGetsAReminderThenWaits() {
    var pi = openCase(5, "3000.00", 0, "NORMAL");

    assertThat(pi).hasPassedInOrder("assessCase", "sendPaymentReminder").isWaitingAt("reminderWaitOver");
    assertThat(pi).variables().containsEntry("riskLevel", "LOW").containsEntry("strategy", "REMINDER");
    assertThat(smsTemplates(pi)).containsExactly("PAYMENT_REMINDER");
  }

  @Test
  void ordinaryOverdueGoesStraightToWeChatContact() {
    var pi = openWeChatCase();

    assertThat(pi).hasPassedInOrder("assessCase", "requestWeChatContact").isWaitingAt("callBorrower");
    assertThat(pi).variables().containsEntry("riskLevel", "MEDIUM").containsEntry("strategy", "WECHAT_CONTACT");
    assertThat(smsTemplates(pi)).containsExactly("WECOM_REQUEST");
  }

  @Test
  void missingVehicleEscalatesAsHighRisk() {
    var pi = openCase(10, "8500.00", 0, "GPS_OFFLINE");

    assertThat(pi).hasPassed("assessCase", "escalateHighRisk", "notifyCreditReport").isWaitingAt("reviewEscalation");
    assertThat(pi).variables().containsEntry("riskLevel", "HIGH").containsEntry("strategy", "ESCALATE")
        .containsEntry("escalationReason", "HIGH_RISK");
    assertThat(pi).hasNotPassed("requestWeChatContact");
  }

  @Test
  void longOverdueEscalatesAsHighRisk() {
    var pi = openCase(91, "8500.00", 0, "NORMAL");

    assertThat(pi).isWaitingAt("reviewEscalation");
    assertThat(pi).variables().containsEntry("escalationReason", "HIGH_RISK");
  }

  @Test
  void largeAmountWaitsForTheSupervisorsReview() {
    var pi = openCase(20, "150000.00", 0, "NORMAL");

    assertThat(pi).isWaitingAt("reviewAssessment");
    assertThat(pi).task().hasCandidateGroup("collection-supervisor");
    assertThat(pi).variables().containsEntry("riskLevel", "HIGH").containsEntry("strategy", "MANUAL_REVIEW");
  }

  @Test
  void supervisorSendsAReviewedCaseToWeChatContact() {
    var pi = openCase(20, "150000.00", 0, "NORMAL");

    supervisorCompletes(pi, "reviewAssessment", Map.of("strategy", "WECHAT_CONTACT", "reviewNotes", "大额但配合"));

    assertThat(pi).hasPassedInOrder("reviewAssessment", "requestWeChatContact").isWaitingAt("callBorrower");
  }

  @Test
  void supervisorSendsAReviewedCaseToAReminder() {
    var pi = openCase(5, "3000.00", 3, "NORMAL");
    assertThat(pi).isWaitingAt("reviewAssessment");

    supervisorCompletes(pi, "reviewAssessment", Map.of("strategy", "REMINDER"));

    assertThat(pi).hasPassedInOrder("reviewAssessment", "sendPaymentReminder").isWaitingAt("reminderWaitOver");
  }

  @Test
  void supervisorEscalatesAReviewedCase() {
    var pi = openCase(20, "150000.00", 4, "NORMAL");

    supervisorCompletes(pi, "reviewAssessment", Map.of("strategy", "ESCALATE", "reviewNotes", "多次逾期"));

    assertThat(pi).hasPassed("escalateSupervisorDecision").isWaitingAt("reviewEscalation");
    assertThat(pi).variables().containsEntry("escalationReason", "SUPERVISOR_DECISION");
    assertThat((String) variable(pi, "caseNotes")).contains("strategy=ESCALATE").contains("多次逾期");
  }
}
