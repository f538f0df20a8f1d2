package com.carloan.overdue.record.pause;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/cases/{loanId}/pause} and {@code /resume} (停催, CONTRACT §5): while paused nothing reaches the
 * borrower, the case does not move on, payments still count and settle; resumed, it picks up where it stood.
 */
class PauseApiTest extends ApiTestSupport {

  private static final String DISPUTE = "{\"reason\": \"DISPUTE\", \"note\": \"借款人对逾期金额有异议\"}";

  @Test
  void aPausedCaseHoldsItsSmsOffersNoCallAndResumedPicksUpWhereItStood() {
    String loanId = newLoanId();
    String pi = openOwnBorrowersCase(loanId); // the WeCom request is queued and the owner's call is open
    String owner = ownerOf(loanId);
    assertThat(smsStatus(loanId)).isEqualTo("PENDING");
    assertThat(jdbc.queryForObject("select count(*) from outbound_message where loan_id = ? and send_after <= ?",
        Integer.class, loanId, java.sql.Timestamp.from(now().toInstant()))).as("due now").isEqualTo(1);

    HttpResponse<String> paused = api.postJson("supervisor1", "/api/cases/" + loanId + "/pause", DISPUTE);

    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    assertThat(body(paused).path("paused").path("reason").asText()).isEqualTo("DISPUTE");
    assertThat(body(paused).path("paused").path("by").asText()).isEqualTo("supervisor1");
    JsonNode view = body(api.get("supervisor1", "/api/cases/" + loanId));
    assertThat(view.path("paused").path("reason").asText()).isEqualTo("DISPUTE");
    assertThat(view.path("paused").path("since").asText()).startsWith("2026-12-01T10:00");
    // nothing leaves, no call is offered, nothing moves on
    dispatchAll();
    assertThat(smsStatus(loanId)).isEqualTo("PENDING");
    assertThat(callsSeenBy(owner, loanId)).isZero();
    assertThat(callsSeenBy("supervisor1", loanId)).isEqualTo(1);
    assertThat(management.createJobQuery().processInstanceId(pi).active().count()).isZero();
    // pausing again changes nothing
    HttpResponse<String> again = api.postJson("legal1", "/api/cases/" + loanId + "/pause", DISPUTE);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(body(again).path("paused").path("by").asText()).isEqualTo("supervisor1");
    assertThat(jdbc.queryForObject("select count(*) from case_pause where loan_id = ?", Integer.class, loanId)).isEqualTo(1);

    HttpResponse<String> resumed = api.send("supervisor1", "POST", "/api/cases/" + loanId + "/resume");

    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
    assertThat(body(resumed).path("paused").isNull()).isTrue();
    assertThat(body(api.get("supervisor1", "/api/cases/" + loanId)).path("paused").isNull()).isTrue();
    dispatchAll();
    assertThat(smsStatus(loanId)).isEqualTo("SENT");
    assertThat(callsSeenBy(owner, loanId)).isEqualTo(1);
    assertThat(api.send("supervisor1", "POST", "/api/cases/" + loanId + "/resume").statusCode()).isEqualTo(200);
  }

  @Test
  void aTimerThatFellDueWhilePausedFiresOnResumeAndNotBefore() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    String owner = ownerOf(loanId);
    completeCall(owner, loanId, "NOT_REACHED");
    assertThat(activeActivities(pi)).containsExactly("awaitWeChatAdd");
    assertThat(api.postJson("supervisor1", "/api/cases/" + loanId + "/pause", DISPUTE).statusCode()).isEqualTo(200);

    setClock(now().plus(Duration.ofDays(3)));
    assertThat(management.createJobQuery().processInstanceId(pi).active().count()).isZero();
    assertThat(activeActivities(pi)).containsExactly("awaitWeChatAdd");

    assertThat(api.send("supervisor1", "POST", "/api/cases/" + loanId + "/resume").statusCode()).isEqualTo(200);
    executeJobs(pi);
    assertThat(activeActivities(pi)).contains("callBorrower"); // the second WeCom request went out, then the call
    assertThat(runtime.getVariable(pi, "contactAttempts")).isEqualTo(2);
  }

  @Test
  void aSupervisorsDecisionWhilePausedMovesTheCaseOnlyAsFarAsItsNextWait() {
    String loanId = newLoanId();
    HttpResponse<String> opened = api.postJson("loansys", "/api/cases", com.carloan.overdue.api.ContractPayload.of(
        loanId, newPhone(), 30, "150000.00", 1, "NORMAL").toString()); // MANUAL_REVIEW: a supervisor decides
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String pi = body(opened).path("processInstanceId").asText();
    executeJobs(pi);
    assertThat(activeActivities(pi)).containsExactly("reviewAssessment");
    assertThat(api.postJson("supervisor1", "/api/cases/" + loanId + "/pause", DISPUTE).statusCode()).isEqualTo(200);

    String review = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("reviewAssessment").singleResult()
        .getId();
    assertThat(api.postJson("supervisor1", "/engine-rest/task/" + review + "/complete",
        "{\"variables\": {\"strategy\": {\"value\": \"WECHAT_CONTACT\"}}}").statusCode()).isEqualTo(204);

    // the WeCom request waits as a suspended job: no SMS, no call
    assertThat(activeActivities(pi)).containsExactly("requestWeChatContact");
    assertThat(management.createJobQuery().processInstanceId(pi).active().count()).isZero();
    assertThat(management.createJobQuery().processInstanceId(pi).suspended().count()).isEqualTo(1);
    assertThat(api.send("supervisor1", "POST", "/api/cases/" + loanId + "/resume").statusCode()).isEqualTo(200);
    executeJobs(pi);
    assertThat(activeActivities(pi)).contains("callBorrower");
  }

  @Test
  void aPaymentStillSettlesAPausedCase() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    assertThat(api.postJson("legal1", "/api/cases/" + loanId + "/pause",
        "{\"reason\": \"LEGAL_HOLD\"}").statusCode()).isEqualTo(200);

    HttpResponse<String> paid = api.postJson("loansys", "/api/cases/" + loanId + "/payments",
        "{\"paymentId\": \"P-" + loanId + "\", \"amount\": 8500.00, \"paidAt\": \"2026-12-01T09:30:00+08:00\"}");

    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
    assertThat(body(paid).path("settled").asBoolean()).isTrue();
    executeJobs(pi);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(jdbc.queryForObject("select case_outcome from case_archive where loan_id = ?", String.class, loanId))
        .isEqualTo("SETTLED");
    assertThat(jdbc.queryForObject("select count(*) from case_pause where loan_id = ? and resumed_at is null",
        Integer.class, loanId)).isZero();
  }

  @Test
  void badInputIsRefusedWholeAndOnlySupervisorsAndLegalPause() {
    String loanId = newLoanId();
    openCase(loanId);
    String owner = ownerOf(loanId);

    assertProblem(api.postJson("supervisor1", "/api/cases/" + loanId + "/pause", "{\"note\": \"x\"}"), 400, "reason");
    assertProblem(api.postJson("supervisor1", "/api/cases/" + loanId + "/pause",
        "{\"reason\": \"HOLIDAY\", \"note\": \"" + "长".repeat(501) + "\"}"), 400, "reason", "note");
    assertProblem(api.postJson(owner, "/api/cases/" + loanId + "/pause", DISPUTE), 403);
    assertProblem(api.postJson("loansys", "/api/cases/" + loanId + "/pause", DISPUTE), 403);
    assertProblem(api.send(owner, "POST", "/api/cases/" + loanId + "/resume"), 403);
    assertProblem(api.postJson("supervisor1", "/api/cases/L-NO-SUCH-LOAN/pause", DISPUTE), 404);
    assertThat(jdbc.queryForObject("select count(*) from case_pause where loan_id = ?", Integer.class, loanId)).isZero();
  }

  private void completeCall(String owner, String loanId, String result) {
    JsonNode call = body(api.get(owner, "/engine-rest/task?taskDefinitionKey=callBorrower&processInstanceBusinessKey="
        + loanId)).get(0);
    HttpResponse<String> done = api.postJson(owner, "/engine-rest/task/" + call.path("id").asText() + "/complete",
        "{\"variables\": {\"contactResult\": {\"value\": \"" + result + "\"}, \"callNotes\": {\"value\": \"未接通\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  /** A borrower of its own: the example payload's phone would have used up its three contacts a day in this suite. */
  private String openOwnBorrowersCase(String loanId) {
    HttpResponse<String> opened = api.postJson("loansys", "/api/cases",
        com.carloan.overdue.api.ContractPayload.example(loanId, newPhone()).toString());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String pi = body(opened).path("processInstanceId").asText();
    executeJobs(pi);
    return pi;
  }

  /** Sends whatever may leave now, the other tests' queued messages included (a dispatch takes a batch). */
  private void dispatchAll() {
    for (int round = 0; round < 100 && outbox.dispatchDue() > 0; round++) {
      // next batch
    }
  }

  private int callsSeenBy(String user, String loanId) {
    return body(api.get(user, "/engine-rest/task?taskDefinitionKey=callBorrower&processInstanceBusinessKey=" + loanId))
        .size();
  }

  private String smsStatus(String loanId) {
    return jdbc.queryForObject("select status from outbound_message where loan_id = ? and template = 'WECOM_REQUEST' "
        + "order by id fetch first 1 rows only", String.class, loanId);
  }
}
