package com.carloan.overdue.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.communication.Communication;
import com.carloan.overdue.communication.CommunicationLog;
import com.carloan.overdue.communication.HashChain;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.privacy.FieldCipher;
import com.carloan.overdue.api.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /api/cases/{loanId}/archive} (CONTRACT §2) for every outcome, its rights, and tamper detection. */
class ArchiveApiTest extends ApiTestSupport {

  @Autowired CommunicationLog communications;
  @Autowired LoanCases cases;
  @Autowired FieldCipher cipher;

  private HttpResponse<byte[]> archive(ProcessInstance pi, String user) {
    return get("/api/cases/" + loanId(pi) + "/archive", user);
  }

  private JsonNode readArchive(ProcessInstance pi, String user) {
    HttpResponse<byte[]> response = archive(pi, user);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return json(response);
  }

  private List<Communication> storedCommunications(ProcessInstance pi) {
    return communications.list(cases.findLatest(loanId(pi)).orElseThrow().id());
  }

  private ProcessInstance refusedCase() {
    ProcessInstance pi = openWeChatCase();
    agentCompletes(pi, "callBorrower", Map.of("contactResult", "REFUSED", "callNotes", "借款人拒绝沟通"));
    return pi;
  }

  /** What every archive has, whatever the outcome; returns it for the outcome's own checks. */
  private JsonNode assertSealed(ProcessInstance pi, String user, String outcome, String amountDue, String amountRepaid) {
    assertEnded(pi, outcome);
    JsonNode a = readArchive(pi, user);

    assertThat(a.path("loanId").asText()).isEqualTo(loanId(pi));
    assertThat(a.path("caseOutcome").asText()).isEqualTo(outcome);
    assertThat(a.path("closedAt").asText()).isEqualTo(now().toInstant().toString());
    assertThat(a.path("amountDue").decimalValue()).isEqualByComparingTo(amountDue);
    assertThat(a.path("amountRepaid").decimalValue()).isEqualByComparingTo(amountRepaid);
    assertThat(a.path("chainVerified").asBoolean()).isTrue();
    assertThat(a.path("erased").asBoolean()).isFalse();
    assertThat(a.path("verification").path("scope").asText()).isEqualTo("FULL");

    String recordSha256 = jdbc.queryForObject("select record_sha256 from case_archive where loan_id = ?", String.class,
        loanId(pi));
    assertThat(a.path("evidenceHash").asText()).matches("[0-9a-f]{64}").isEqualTo(recordSha256);

    // every communication, in order, as sealed, with the head of their hash chain
    List<Communication> stored = storedCommunications(pi);
    assertThat(stored).isNotEmpty();
    JsonNode messages = a.path("communications");
    assertThat(messages).hasSize(stored.size());
    for (int i = 0; i < stored.size(); i++) {
      assertThat(messages.get(i).path("seq").asInt()).isEqualTo(i + 1);
      assertThat(messages.get(i).path("hash").asText()).isEqualTo(stored.get(i).hash());
      assertThat(messages.get(i).path("content").asText()).isEqualTo(stored.get(i).content());
    }
    assertThat(a.path("communicationsHead").asText()).isEqualTo(stored.get(stored.size() - 1).hash());
    // sealed by archiveCase itself: the timeline runs up to the step before it
    assertThat(a.path("timeline").findValuesAsText("activityId")).startsWith("allocateCase", "assessCase").doesNotContain("archiveCase");

    assertThat(jdbc.queryForObject("select count(*) from communication_read where loan_id = ? and read_by = ? "
        + "and access = 'ARCHIVE'", Integer.class, loanId(pi), user)).isEqualTo(1);
    return a;
  }

  private static JsonNode step(JsonNode archive, String activityId) {
    for (JsonNode s : archive.path("timeline")) {
      if (s.path("activityId").asText().equals(activityId)) {
        return s;
      }
    }
    throw new AssertionError("no step " + activityId);
  }

  @Test
  void settledCaseIsSealedWithItsPaymentsAndMessages() {
    ProcessInstance pi = openCase(5, "3000.00", 0, "NORMAL");
    pay(pi, "1000.00");
    pay(pi, "2000.00");

    JsonNode a = assertSealed(pi, "supervisor1", "SETTLED", "3000.00", "3000.00");

    assertThat(a.path("escalationReason").isNull()).isTrue();
    assertThat(a.path("communications").get(0).path("channel").asText()).isEqualTo("SMS");
    assertThat(a.path("communications").get(0).path("content").asText()).contains("已逾期5天");
    assertThat(a.path("timeline").findValuesAsText("activityId")).contains("sendPaymentReminder", "debtSettled");
  }

  @Test
  void legalClosedCaseIsSealedWithWhoDecidedWhat() {
    ProcessInstance pi = refusedCase();
    decideEscalation(pi, "LEGAL_ACTION");
    legalCompletes(pi, "handleLitigation", Map.of("litigationResult", "JUDGMENT_ENFORCED", "recoveredAmount", 6000.0,
        "litigationNotes", "法院判决已执行"));

    JsonNode a = assertSealed(pi, "legal1", "LEGAL_CLOSED", "8500.00", "0");

    assertThat(a.path("escalationReason").asText()).isEqualTo("CONTACT_REFUSED");
    assertThat(a.path("creditNoticeAt").asText()).isEqualTo(now().toInstant().toString());
    assertThat(a.path("borrowerName").asText()).isEqualTo("张三");
    JsonNode call = step(a, "callBorrower");
    assertThat(call.path("completedBy").asText()).isEqualTo(owner(pi));
    // who held the case, in order, sealed with it
    assertThat(a.path("ownership").findValuesAsText("kind")).startsWith("ALLOCATED");
    assertThat(a.path("ownership").get(0).path("to").asText()).isEqualTo(owner(pi));
    assertThat(call.path("decisions").path("contactResult").asText()).isEqualTo("REFUSED");
    JsonNode review = step(a, "reviewEscalation");
    assertThat(review.path("completedBy").asText()).isEqualTo("supervisor1");
    assertThat(review.path("decisions").path("escalationAction").asText()).isEqualTo("LEGAL_ACTION");
    JsonNode litigation = step(a, "handleLitigation");
    assertThat(litigation.path("completedBy").asText()).isEqualTo("legal1");
    assertThat(litigation.path("endedAt").asText()).isNotEmpty();
    assertThat(litigation.path("decisions").path("litigationResult").asText()).isEqualTo("JUDGMENT_ENFORCED");
    assertThat(a.path("communications").findValuesAsText("content"))
        .anySatisfy(c -> assertThat(c).contains("借款人拒绝沟通"))
        .anySatisfy(c -> assertThat(c).contains("征信业管理条例"));
  }

  @Test
  void vehicleDisposedCaseIsSealedWithWhatWasPaid() {
    ProcessInstance pi = refusedCase();
    pay(pi, "1500.00");
    decideEscalation(pi, "VEHICLE_REPOSSESSION");
    legalCompletes(pi, "repossessVehicle", Map.of("repossessionResult", "RECOVERED_AND_SOLD", "recoveredAmount", 7000.0));

    JsonNode a = assertSealed(pi, "legal1", "VEHICLE_DISPOSED", "8500.00", "1500.00");

    assertThat(a.path("escalationReason").asText()).isEqualTo("CONTACT_REFUSED");
    assertThat(step(a, "repossessVehicle").path("decisions").path("repossessionResult").asText())
        .isEqualTo("RECOVERED_AND_SOLD");
  }

  @Test
  void writtenOffCaseIsSealed() {
    ProcessInstance pi = refusedCase();
    decideEscalation(pi, "WRITE_OFF");

    JsonNode a = assertSealed(pi, "supervisor2", "WRITTEN_OFF", "8500.00", "0");

    assertThat(a.path("escalationReason").asText()).isEqualTo("CONTACT_REFUSED");
    assertThat(step(a, "reviewEscalation").path("decisions").path("escalationAction").asText()).isEqualTo("WRITE_OFF");
  }

  @Test
  void noArchiveWhileTheCaseIsOpenOrForAnUnknownLoan() {
    ProcessInstance pi = openWeChatCase();

    assertProblem(archive(pi, "supervisor1"), 404);
    assertProblem(get("/api/cases/L-NO-SUCH-LOAN/archive", "legal1"), 404);
    assertThat(jdbc.queryForObject("select count(*) from communication_read where loan_id = ?", Integer.class, loanId(pi)))
        .isZero();
  }

  @Test
  void onlySupervisorsAndLegalStaffReadArchives() {
    ProcessInstance pi = refusedCase();
    decideEscalation(pi, "WRITE_OFF");

    assertProblem(archive(pi, "agent1"), 403);
    assertProblem(archive(pi, "loansys"), 403);
    assertProblem(archive(pi, "owner1"), 403);
    assertProblem(archive(pi, null), 401);
    assertThat(archive(pi, "legal1").statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from communication_read where loan_id = ?", Integer.class, loanId(pi)))
        .isEqualTo(1);
  }

  // ---- tamper detection: a change behind the application's back makes chainVerified false

  private ProcessInstance closedCase() {
    ProcessInstance pi = refusedCase();
    decideEscalation(pi, "WRITE_OFF");
    assertThat(readArchive(pi, "supervisor1").path("chainVerified").asBoolean()).isTrue();
    return pi;
  }

  private long caseId(ProcessInstance pi) {
    return cases.findLatest(loanId(pi)).orElseThrow().id();
  }

  @Test
  void changedCommunicationContentIsDetected() {
    ProcessInstance pi = closedCase();
    String sealedContent = storedCommunications(pi).get(0).content();

    jdbc.update("update communication set content_cipher = ? where case_id = ? and seq = 1",
        cipher.encrypt("您好，我司从未催收。"), caseId(pi));

    JsonNode a = readArchive(pi, "supervisor1");
    assertThat(a.path("chainVerified").asBoolean()).isFalse();
    assertThat(a.path("verification").path("communicationsVerified").asBoolean()).isFalse();
    assertThat(a.path("verification").path("firstBrokenSeq").asInt()).isEqualTo(1);
    assertThat(a.path("verification").path("recordVerified").asBoolean()).isTrue();
    // the archive still shows what was sealed
    assertThat(a.path("communications").get(0).path("content").asText()).isEqualTo(sealedContent);
  }

  @Test
  void changedCommunicationHashIsDetected() {
    ProcessInstance pi = closedCase();
    int last = storedCommunications(pi).size();

    jdbc.update("update communication set hash = ? where case_id = ? and seq = ?", "f".repeat(64), caseId(pi), last);

    JsonNode a = readArchive(pi, "legal1");
    assertThat(a.path("chainVerified").asBoolean()).isFalse();
    assertThat(a.path("verification").path("firstBrokenSeq").asInt()).isEqualTo(last);
  }

  @Test
  void aRewrittenChainIsNotTheSealedOne() {
    ProcessInstance pi = closedCase();
    // someone with the key rewrites the first message and recomputes every hash after it: the chain holds,
    // but it no longer ends in the head that was sealed
    List<Communication> original = storedCommunications(pi);
    String prev = HashChain.GENESIS;
    for (Communication c : original) {
      String content = c.seq() == 1 ? "借款人同意全额还款" : c.content();
      String hash = HashChain.link(prev, loanId(pi), c.seq(), c.channel(), c.direction(), content, c.recordedBy(),
          c.recordedAt());
      jdbc.update("update communication set content_cipher = ?, prev_hash = ?, hash = ? where id = ?",
          cipher.encrypt(content), prev, hash, c.id());
      prev = hash;
    }
    assertThat(communications.verify(loanId(pi), storedCommunications(pi)).verified()).isTrue();

    JsonNode a = readArchive(pi, "legal1");
    assertThat(a.path("chainVerified").asBoolean()).isFalse();
    assertThat(a.path("verification").path("communicationsVerified").asBoolean()).isFalse();
  }

  @Test
  void changedArchiveRecordIsDetected() throws Exception {
    ProcessInstance pi = closedCase();
    String sealed = cipher.decrypt(jdbc.queryForObject("select record_cipher from case_archive where case_id = ?",
        String.class, caseId(pi)));
    ObjectNode forged = (ObjectNode) json.readTree(sealed);
    ((ObjectNode) forged.path("record")).put("escalationReason", "UNWILLING");

    jdbc.update("update case_archive set record_cipher = ? where case_id = ?",
        cipher.encrypt(json.writeValueAsString(forged)), caseId(pi));

    JsonNode a = readArchive(pi, "supervisor1");
    assertThat(a.path("chainVerified").asBoolean()).isFalse();
    assertThat(a.path("verification").path("recordVerified").asBoolean()).isFalse();
    assertThat(a.path("verification").path("communicationsVerified").asBoolean()).isTrue();
  }

  @Test
  void unreadableArchiveRecordIsDetected() {
    ProcessInstance pi = closedCase();
    String stored = jdbc.queryForObject("select record_cipher from case_archive where case_id = ?", String.class,
        caseId(pi));
    // one character of the ciphertext flipped: AES-GCM refuses it
    char[] chars = stored.toCharArray();
    int i = chars.length / 2;
    chars[i] = chars[i] == 'A' ? 'B' : 'A';

    jdbc.update("update case_archive set record_cipher = ? where case_id = ?", new String(chars), caseId(pi));

    JsonNode a = readArchive(pi, "supervisor1");
    assertThat(a.path("chainVerified").asBoolean()).isFalse();
    assertThat(a.path("caseOutcome").asText()).isEqualTo("WRITTEN_OFF");
    // without a readable record the archive falls back to the communication rows
    assertThat(a.path("communications")).hasSize(storedCommunications(pi).size());
  }

  @Test
  void changedArchiveColumnIsDetected() {
    ProcessInstance pi = closedCase();

    jdbc.update("update case_archive set amount_repaid = amount_due where case_id = ?", caseId(pi));

    JsonNode a = readArchive(pi, "supervisor1");
    assertThat(a.path("chainVerified").asBoolean()).isFalse();
    assertThat(a.path("verification").path("recordVerified").asBoolean()).isFalse();
  }
}
