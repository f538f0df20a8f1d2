package com.carloan.overdue.record.waiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Waivers (减免, CONTRACT §5) on a case of 8,500.00 overdue, 1,000.00 penalty and 200.00 fees: 9,700.00 due, of
 * which a supervisor may waive penalty and fees up to 20 %, 1,940.00; four eyes; waived money is never recovered.
 */
class WaiverApiTest extends ApiTestSupport {

  @Test
  void aPenaltyWaiverWithinASupervisorsAuthorityLowersTheAmountDue() {
    String loanId = caseWithPenaltyAndFees();
    String owner = ownerOf(loanId);
    assertThat(body(api.get("supervisor1", "/api/cases/" + loanId)).path("amountDue").decimalValue())
        .isEqualByComparingTo("9700.00");

    HttpResponse<String> asked = api.postJson(owner, "/api/cases/" + loanId + "/waivers",
        "{\"kind\": \"PENALTY\", \"amount\": 500.00, \"reason\": \"借款人失业，申请减免部分罚息\"}");

    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    assertThat(body(asked).path("status").asText()).isEqualTo("PENDING");
    Task approval = approval(loanId);
    assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(l -> l.getGroupId())
        .contains("collection-supervisor", "collection-manager");
    decide("supervisor1", approval, true, 204);

    JsonNode view = body(api.get("supervisor1", "/api/cases/" + loanId));
    assertThat(view.path("amountDue").decimalValue()).isEqualByComparingTo("9200.00");
    assertThat(view.path("amountWaived").decimalValue()).isEqualByComparingTo("500.00");
    assertThat(view.path("amountRepaid").decimalValue()).isZero();
    JsonNode waivers = body(api.get(owner, "/api/cases/" + loanId + "/waivers"));
    assertThat(waivers.get(0).path("status").asText()).isEqualTo("APPROVED");
    assertThat(waivers.get(0).path("decidedBy").asText()).isEqualTo("supervisor1");
  }

  @Test
  void aboveASupervisorsAuthorityOnlyAManagerApprovesAndNobodyApprovesTheirOwn() {
    String loanId = caseWithPenaltyAndFees();

    assertThat(api.postJson("supervisor1", "/api/cases/" + loanId + "/waivers",
        "{\"kind\": \"INTEREST\", \"amount\": 300.00, \"reason\": \"协商一次性结清\"}").statusCode()).isEqualTo(201);
    Task approval = approval(loanId);
    assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(l -> l.getGroupId())
        .containsExactly("collection-manager");
    // a second waiver waits for the first
    assertProblem(api.postJson("supervisor2", "/api/cases/" + loanId + "/waivers",
        "{\"kind\": \"FEE\", \"amount\": 100.00, \"reason\": \"手续费\"}"), 409);
    assertThat(decide("supervisor2", approval, true, 403).body()).doesNotContain("9700");

    decide("manager1", approval, false, 204);
    assertThat(body(api.get("supervisor1", "/api/cases/" + loanId)).path("amountDue").decimalValue())
        .isEqualByComparingTo("9700.00");

    assertThat(api.postJson("supervisor2", "/api/cases/" + loanId + "/waivers",
        "{\"kind\": \"FEE\", \"amount\": 100.00, \"reason\": \"手续费\"}").statusCode()).isEqualTo(201);
    Task own = approval(loanId);
    HttpResponse<String> refused = decide("supervisor2", own, true, 400);
    assertThat(refused.body()).contains("four eyes");
    assertThat(tasks.createTaskQuery().taskId(own.getId()).count()).isEqualTo(1);
    decide("supervisor1", own, true, 204);
    assertThat(body(api.get("supervisor1", "/api/cases/" + loanId)).path("amountDue").decimalValue())
        .isEqualByComparingTo("9600.00");
  }

  @Test
  void aWaiverThePaymentsAlreadyReachSettlesTheCaseAtOnce() {
    String loanId = caseWithPenaltyAndFees();
    String pi = processOf(loanId);
    assertThat(api.postJson("loansys", "/api/cases/" + loanId + "/payments",
        "{\"paymentId\": \"P-" + loanId + "\", \"amount\": 9500.00, \"paidAt\": \"2026-12-01T09:00:00+08:00\"}")
        .statusCode()).isEqualTo(200);
    assertThat(api.postJson("supervisor1", "/api/cases/" + loanId + "/waivers",
        "{\"kind\": \"PENALTY\", \"amount\": 200.00, \"reason\": \"余额减免结清\"}").statusCode()).isEqualTo(201);

    decide("supervisor2", approval(loanId), true, 204);
    executeJobs(pi);

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    JsonNode archive = body(api.get("legal1", "/api/cases/" + loanId + "/archive"));
    assertThat(archive.path("caseOutcome").asText()).isEqualTo("SETTLED");
    assertThat(archive.path("amountDue").decimalValue()).isEqualByComparingTo("9500.00");
    assertThat(archive.path("amountWaived").decimalValue()).isEqualByComparingTo("200.00");
    assertThat(archive.path("amountRepaid").decimalValue()).isEqualByComparingTo("9500.00");
  }

  @Test
  void aWaiverAboveWhatIsLeftOrByTheWrongPeopleIsRefusedAndChangesNothing() {
    String loanId = caseWithPenaltyAndFees();
    String colleague = ownerOf(loanId).equals("agent1") ? "agent2" : "agent1";

    assertProblem(api.postJson("supervisor1", "/api/cases/" + loanId + "/waivers",
        "{\"kind\": \"PENALTY\", \"amount\": 1000.01, \"reason\": \"全部罚息\"}"), 400, "amount");
    assertProblem(api.postJson("supervisor1", "/api/cases/" + loanId + "/waivers",
        "{\"kind\": \"PRINCIPAL\", \"amount\": 9700.01, \"reason\": \"超出\"}"), 400, "amount");
    assertProblem(api.postJson("supervisor1", "/api/cases/" + loanId + "/waivers",
        "{\"kind\": \"DISCOUNT\", \"amount\": -1}"), 400, "kind", "amount", "reason");
    assertProblem(api.postJson(colleague, "/api/cases/" + loanId + "/waivers",
        "{\"kind\": \"FEE\", \"amount\": 10, \"reason\": \"x\"}"), 403);
    assertProblem(api.postJson("loansys", "/api/cases/" + loanId + "/waivers",
        "{\"kind\": \"FEE\", \"amount\": 10, \"reason\": \"x\"}"), 403);
    assertThat(jdbc.queryForObject("select count(*) from waiver where loan_id = ?", Integer.class, loanId)).isZero();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(loanId).taskDefinitionKey("approveWaiver").count())
        .isZero();
  }

  @Test
  void penaltyAndFeesComeWithTheIntakeAndMayNotBeNegative() {
    ObjectNode bad = intake(newLoanId());
    bad.put("penaltyAmount", -1);
    bad.put("feeAmount", new BigDecimal("1.001"));
    assertProblem(api.postJson("loansys", "/api/cases", bad.toString()), 400, "penaltyAmount", "feeAmount");

    String loanId = newLoanId();
    byte[] csv = ("loanId,borrowerName,borrowerPhone,borrowerIdNumber,vehiclePlate,vehicleVin,vehicleStatus,"
        + "overdueAmount,outstandingPrincipal,daysPastDue,priorOverdueCount,penaltyAmount,feeAmount\n" + loanId
        + ",李四,13912345678,11010519491231002X,京B54321,LSVAU2180N2183295,NORMAL,12000.00,150000.00,35,0,800.00,50.00\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> imported = api.postCsv("loansys", "/api/cases/import", csv);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(body(api.get("supervisor1", "/api/cases/" + loanId)).path("amountDue").decimalValue())
        .isEqualByComparingTo("12850.00");
  }

  private String caseWithPenaltyAndFees() {
    String loanId = newLoanId();
    ObjectNode body = intake(loanId);
    body.put("penaltyAmount", new BigDecimal("1000.00"));
    body.put("feeAmount", new BigDecimal("200.00"));
    HttpResponse<String> opened = api.postJson("loansys", "/api/cases", body.toString());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    executeJobs(body(opened).path("processInstanceId").asText());
    return loanId;
  }

  private Task approval(String loanId) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(loanId).taskDefinitionKey("approveWaiver").singleResult();
    assertThat(task).isNotNull();
    return task;
  }

  private HttpResponse<String> decide(String user, Task task, boolean approved, int expected) {
    HttpResponse<String> done = api.postJson(user, "/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\": {\"waiverApproved\": {\"value\": " + approved + "}, \"waiverComment\": {\"value\": \"同意\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(expected);
    return done;
  }

  private String processOf(String loanId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(loanId).singleResult().getId();
  }
}
