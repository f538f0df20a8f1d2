package com.carloan.overdue.record.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/cases/{loanId}/complaints} (投诉, CONTRACT §5): a complaint pauses the case and opens
 * handleComplaint for the supervisors, due 15 days later; handling it resumes the case unless another pause stands.
 */
class ComplaintApiTest extends ApiTestSupport {

  @Test
  void aComplaintPausesTheCaseUntilASupervisorHandlesIt() {
    String loanId = newLoanId();
    String pi = openCase(loanId);

    HttpResponse<String> received = api.postJson("loansys", "/api/cases/" + loanId + "/complaints",
        "{\"channel\": \"REGULATOR\", \"category\": \"AMOUNT\", \"content\": \"借款人称罚息计算有误\"}");

    assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
    long complaintId = body(received).path("complaintId").asLong();
    assertThat(body(api.get("supervisor1", "/api/cases/" + loanId)).path("paused").path("reason").asText())
        .isEqualTo("COMPLAINT");
    Task handling = handleComplaint(pi);
    assertThat(handling.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-12-16T10:00:00+08:00").toInstant()));
    assertThat(tasks.getVariableLocal(handling.getId(), "complaintId")).isEqualTo(complaintId);
    assertThat(jdbc.queryForObject("select content_cipher from complaint where id = ?", String.class, complaintId))
        .doesNotContain("罚息");
    JsonNode read = body(api.get("supervisor1", "/api/cases/" + loanId + "/complaints"));
    assertThat(read.get(0).path("content").asText()).isEqualTo("借款人称罚息计算有误");
    assertThat(read.get(0).path("dueAt").asText()).startsWith("2026-12-16T10:00");

    completeHandling(handling, "RESOLVED", "已向借款人说明罚息计算方式，借款人认可");

    assertThat(body(api.get("supervisor1", "/api/cases/" + loanId)).path("paused").isNull()).isTrue();
    JsonNode handled = body(api.get("supervisor1", "/api/cases/" + loanId + "/complaints")).get(0);
    assertThat(handled.path("resolution").asText()).isEqualTo("RESOLVED");
    assertThat(handled.path("handledBy").asText()).isEqualTo("supervisor1");
    assertThat(handled.path("response").asText()).contains("罚息计算方式");
    assertThat(runtime.getVariables(pi)).doesNotContainKey("complaintResponse");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("complaintResponse")
        .list()).allSatisfy(v -> assertThat(String.valueOf(v.getValue())).doesNotContain("罚息"));
  }

  @Test
  void anUpheldComplaintAboutTheAgentsConductGivesTheCaseToAnotherAgent() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    String owner = ownerOf(loanId);
    HttpResponse<String> received = api.postJson(owner, "/api/cases/" + loanId + "/complaints",
        "{\"channel\": \"PHONE\", \"category\": \"CONDUCT\", \"content\": \"借款人投诉催收员语气恶劣\"}");
    assertThat(received.statusCode()).as(received.body()).isEqualTo(201);

    completeHandling(handleComplaint(pi), "UPHELD", "经核查录音，投诉成立，已调整催收员");

    String next = ownerOf(loanId);
    assertThat(next).isNotNull().isNotEqualTo(owner);
    assertThat(body(api.get("supervisor1", "/api/cases/" + loanId)).path("ownership").toString())
        .contains("REALLOCATED", "upheld: conduct");
    assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("callBorrower").singleResult()
        .getAssignee()).isEqualTo(next);
  }

  @Test
  void anotherPauseStillStandsAfterTheComplaintIsHandled() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    assertThat(api.postJson("supervisor1", "/api/cases/" + loanId + "/pause", "{\"reason\": \"BANKRUPTCY\"}")
        .statusCode()).isEqualTo(200);
    assertThat(api.postJson("supervisor1", "/api/cases/" + loanId + "/complaints",
        "{\"channel\": \"LETTER\", \"category\": \"PRIVACY\", \"content\": \"借款人称家属被告知欠款\"}").statusCode())
        .isEqualTo(201);
    // a supervisor's resume lifts their own pause, not the complaint's
    api.send("supervisor1", "POST", "/api/cases/" + loanId + "/resume");
    assertThat(body(api.get("supervisor1", "/api/cases/" + loanId)).path("paused").path("reason").asText())
        .isEqualTo("COMPLAINT");
    assertThat(api.postJson("supervisor1", "/api/cases/" + loanId + "/pause", "{\"reason\": \"BANKRUPTCY\"}")
        .statusCode()).isEqualTo(200);

    completeHandling(handleComplaint(pi), "REJECTED", "经核查未向第三方透露");

    assertThat(body(api.get("supervisor1", "/api/cases/" + loanId)).path("paused").path("reason").asText())
        .isEqualTo("BANKRUPTCY");
    assertThat(management.createJobQuery().processInstanceId(pi).active().count()).isZero();
  }

  @Test
  void aBadComplaintIsRefusedWholeAndOnlyItsPeopleRecordOne() {
    String loanId = newLoanId();
    openCase(loanId);
    String colleague = ownerOf(loanId).equals("agent1") ? "agent2" : "agent1";
    String good = "{\"channel\": \"WECHAT\", \"category\": \"OTHER\", \"content\": \"借款人要求更换联系方式\"}";

    assertProblem(api.postJson("loansys", "/api/cases/" + loanId + "/complaints",
        "{\"channel\": \"EMAIL\", \"category\": \"RUDE\", \"content\": \" \"}"), 400, "channel", "category", "content");
    assertProblem(api.postJson(colleague, "/api/cases/" + loanId + "/complaints", good), 403);
    assertProblem(api.postJson("legal1", "/api/cases/" + loanId + "/complaints", good), 403);
    assertProblem(api.postJson("loansys", "/api/cases/L-NO-SUCH-LOAN/complaints", good), 404);
    assertProblem(api.get(colleague, "/api/cases/" + loanId + "/complaints"), 403);
    assertThat(jdbc.queryForObject("select count(*) from complaint where loan_id = ?", Integer.class, loanId)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from case_pause where loan_id = ?", Integer.class, loanId)).isZero();
  }

  private Task handleComplaint(String pi) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("handleComplaint").singleResult();
    assertThat(task).isNotNull();
    return task;
  }

  private void completeHandling(Task task, String resolution, String response) {
    HttpResponse<String> done = api.postJson("supervisor1", "/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\": {\"complaintResolution\": {\"value\": \"" + resolution + "\"}, "
            + "\"complaintResponse\": {\"value\": \"" + response + "\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }
}
