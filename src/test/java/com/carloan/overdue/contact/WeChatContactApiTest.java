package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /api/cases/{loanId}/wechat-contact} (CONTRACT §2). */
class WeChatContactApiTest extends ApiTestSupport {

  @Test
  void anAgentConfirmsWithoutABodyAndTheCaseMovesToVerification() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    assertThat(activeActivities(pi)).contains("callBorrower");

    var response = api.post("agent1", path(loanId), null, null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(activeActivities(pi)).containsExactly("verifyBorrower");
  }

  @Test
  void theCaseOwnerVerifiesAndTheAccountTheBorrowerAddedIsRecorded() {
    String loanId = newLoanId();
    String pi = openCase(loanId);

    var response = api.postJson("supervisor1", path(loanId), "{\"externalUserId\": \"wmAbC-123_x\", \"agentUserId\": \"agent2\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    // CONTRACT §1.4: verification is the owner's, whose WeCom account the "contact me" entry offered
    assertThat(tasks.createTaskQuery().processInstanceId(pi).singleResult().getAssignee()).isEqualTo(ownerOf(loanId));
    assertThat(runtime.getVariable(pi, "wecomAgentUserId")).isEqualTo("agent2");
    assertThat(runtime.getVariable(pi, "wecomExternalUserId")).isEqualTo("wmAbC-123_x");
  }

  @Test
  void aCaseWaitingAfterTheCallMovesToo() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    String call = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("callBorrower").singleResult().getId();
    tasks.complete(call, Map.of("contactResult", "AGREED_TO_ADD", "callNotes", "同意添加"));
    assertThat(activeActivities(pi)).containsAnyOf("awaitWeChatAdd", "weChatContactAdded").doesNotContain("callBorrower");

    assertThat(api.post("agent1", path(loanId), "application/json", "{}".getBytes(StandardCharsets.UTF_8)).statusCode())
        .isEqualTo(204);
    assertThat(activeActivities(pi)).containsExactly("verifyBorrower");
  }

  @Test
  void aCaseNotWaitingForTheAddIsAConflict() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    assertThat(api.post("agent1", path(loanId), null, null).statusCode()).isEqualTo(204);

    assertProblem(api.post("agent1", path(loanId), null, null), 409);
    assertThat(activeActivities(pi)).containsExactly("verifyBorrower");
  }

  @Test
  void aCaseStillBeforeItsContactRequestIsAConflict() {
    String loanId = newLoanId();
    assertThat(api.postJson("loansys", "/api/cases", intake(loanId).toString()).statusCode()).isEqualTo(201);

    assertProblem(api.post("agent1", path(loanId), null, null), 409);
  }

  @Test
  void anUnknownLoanIsNotFound() {
    assertProblem(api.post("agent1", path("L-NO-SUCH-LOAN"), null, null), 404);
  }

  @Test
  void onlyAgentsAndSupervisorsConfirm() {
    String loanId = newLoanId();
    String pi = openCase(loanId);

    assertProblem(api.post("loansys", path(loanId), null, null), 403);
    assertProblem(api.post("legal1", path(loanId), null, null), 403);
    assertProblem(api.post(null, path(loanId), null, null), 401);
    assertThat(activeActivities(pi)).contains("callBorrower");
  }

  @Test
  void badIdsAreRefusedTogetherAndChangeNothing() {
    String loanId = newLoanId();
    String pi = openCase(loanId);

    var problem = assertProblem(api.postJson("agent1", path(loanId),
        "{\"externalUserId\": \"${jndi:x}\", \"agentUserId\": \"#{x}\"}"), 400, "externalUserId", "agentUserId");
    assertThat(problem.get("errors")).hasSize(2);
    assertProblem(api.postJson("agent1", path(loanId), "{\"agentUserId\": \"nobody\"}"), 400, "agentUserId");
    assertProblem(api.postJson("agent1", path(loanId), "{\"agentUserId\": 7}"), 400, "agentUserId");
    assertProblem(api.postJson("agent1", path(loanId), "{\"agentUserId\": "), 400, "body");
    assertProblem(api.postJson("agent1", path(loanId), "[]"), 400, "body");
    assertProblem(api.post("agent1", path(loanId), "text/plain", "agent1".getBytes(StandardCharsets.UTF_8)), 415,
        "Content-Type");
    assertThat(activeActivities(pi)).contains("callBorrower");
  }

  private static String path(String loanId) {
    return "/api/cases/" + loanId + "/wechat-contact";
  }
}
