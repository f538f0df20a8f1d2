package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.carloan.overdue.escalation.EvidencePacks;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Escalation (升级催收/法律程序) and every way a case closes unpaid, each ending in the archive. */
class EscalationPathsTest extends ProcessTestSupport {

  @Autowired EvidencePacks evidencePacks;

  private org.camunda.bpm.engine.runtime.ProcessInstance refusedCase() {
    var pi = openWeChatCase();
    agentCompletes(pi, "callBorrower", Map.of("contactResult", "REFUSED", "callNotes", "拒绝"));
    return pi;
  }

  @Test
  void escalationSendsTheCreditReportNoticeFirst() {
    var pi = refusedCase();

    assertThat(pi).hasPassedInOrder("escalateContactRefused", "notifyCreditReport").isWaitingAt("reviewEscalation");
    assertThat(pi).task().hasCandidateGroup("collection-supervisor");
    assertThat(smsTemplates(pi)).containsExactly("WECOM_REQUEST", "CREDIT_REPORT_NOTICE");
  }

  @Test
  void legalActionCompilesTheEvidencePackAndClosesThroughTheCourt() {
    var pi = refusedCase();

    decideEscalation(pi, "LEGAL_ACTION");
    assertThat(pi).hasPassed("compileEvidencePack").isWaitingAt("handleLitigation");
    assertThat(pi).task().hasCandidateGroup("legal-officer");
    long packId = ((Number) variable(pi, "evidencePackId")).longValue();
    assertThat(PdfText.of(evidencePacks.read(packId).pdf())).contains(loanId(pi)).contains("CONTACT_REFUSED").contains("征信报送前告知")
        .contains("SMS OUTBOUND").contains("企业微信").contains("PHONE OUTBOUND (" + owner(pi) + ")").contains("拒绝")
        .contains("校验通过 verified");

    legalCompletes(pi, "handleLitigation", Map.of("litigationResult", "JUDGMENT_ENFORCED", "recoveredAmount", 6000.0));

    assertEnded(pi, "LEGAL_CLOSED");
    assertThat(pi).hasPassedInOrder("handleLitigation", "closedByCourt", "archiveCase");
  }

  @Test
  void repossessedAndSoldVehicleClosesTheCase() {
    var pi = refusedCase();

    decideEscalation(pi, "VEHICLE_REPOSSESSION");
    assertThat(pi).isWaitingAt("repossessVehicle");
    assertThat(pi).task().hasCandidateGroup("legal-officer");
    legalCompletes(pi, "repossessVehicle", Map.of("repossessionResult", "RECOVERED_AND_SOLD", "recoveredAmount", 52000.0));

    assertEnded(pi, "VEHICLE_DISPOSED");
  }

  @Test
  void vehicleNotFoundGoesBackToTheSupervisor() {
    var pi = refusedCase();
    decideEscalation(pi, "VEHICLE_REPOSSESSION");

    legalCompletes(pi, "repossessVehicle", Map.of("repossessionResult", "NOT_FOUND", "recoveredAmount", 0));

    assertThat(pi).hasPassed("repossessionGateway").isWaitingAt("reviewEscalation");
    decideEscalation(pi, "WRITE_OFF");
    assertEnded(pi, "WRITTEN_OFF");
  }

  @Test
  void writeOffClosesTheCase() {
    var pi = refusedCase();

    decideEscalation(pi, "WRITE_OFF");

    assertEnded(pi, "WRITTEN_OFF");
    assertThat(pi).variables().containsEntry("escalationReason", "CONTACT_REFUSED");
    assertThat(jdbc.queryForObject("select case_outcome from case_archive where loan_id = ?", String.class, loanId(pi)))
        .isEqualTo("WRITTEN_OFF");
  }

  @Test
  void returnToNegotiationAndEscalatingAgainSendsNoSecondNotice() {
    var pi = refusedCase();

    decideEscalation(pi, "RETURN_TO_NEGOTIATION");
    assertThat(pi).hasPassed("negotiationEntry", "negotiationStarted").isWaitingAt("negotiatePlan");
    agentCompletes(pi, "negotiatePlan", Map.of("negotiationOutcome", "FAILED"));

    assertThat(pi).isWaitingAt("reviewEscalation");
    assertThat(pi).variables().containsEntry("escalationReason", "NEGOTIATION_FAILED");
    assertThat(smsTemplates(pi)).containsOnlyOnce("CREDIT_REPORT_NOTICE");
  }
}
