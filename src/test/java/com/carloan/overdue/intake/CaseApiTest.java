package com.carloan.overdue.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /api/cases} and {@code GET /api/cases/{loanId}} (CONTRACT §2). */
class CaseApiTest extends ApiTestSupport {

  @Test
  void theLoanSystemOpensACase() {
    String loanId = newLoanId();

    HttpResponse<String> response = api.postJson("loansys", "/api/cases", intake(loanId).toString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode opened = body(response);
    assertThat(opened.get("loanId").asText()).isEqualTo(loanId);
    String pi = opened.get("processInstanceId").asText();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).processInstanceBusinessKey(loanId).count())
        .isEqualTo(1);
    assertThat(response.headers().firstValue("Location")).hasValue("/api/cases/" + loanId);
    // the full numbers exist only encrypted
    assertThat(jdbc.queryForObject("select phone_cipher || id_number_cipher from loan_case where loan_id = ?",
        String.class, loanId)).doesNotContain("13812345678", "11010519491231002X");
  }

  @Test
  void aSupervisorOpensACase() {
    assertThat(api.postJson("supervisor1", "/api/cases", intake(newLoanId()).toString()).statusCode()).isEqualTo(201);
  }

  @Test
  void agentsLegalOfficersAndStrangersOpenNothing() {
    String loanId = newLoanId();
    String body = intake(loanId).toString();

    assertProblem(api.postJson("agent1", "/api/cases", body), 403);
    assertProblem(api.postJson("legal1", "/api/cases", body), 403);
    assertProblem(api.postJson("owner1", "/api/cases", body), 403);
    HttpResponse<String> anonymous = api.postJson(null, "/api/cases", body);
    assertProblem(anonymous, 401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(casesOf(loanId)).isZero();
  }

  @Test
  void theSameIntakeTwiceIsAConflictAndStillOneCase() {
    String loanId = newLoanId();
    String body = intake(loanId).toString();

    assertThat(api.postJson("loansys", "/api/cases", body).statusCode()).isEqualTo(201);
    assertProblem(api.postJson("loansys", "/api/cases", body), 409);

    assertThat(casesOf(loanId)).isEqualTo(1);
    assertThat(processInstancesOf(loanId)).isEqualTo(1);
  }

  @Test
  void everyBadFieldIsReportedAtOnceAndNothingStarts() {
    String body = """
        {"loanId": "L 1",
         "borrower": {"name": "${x}", "phone": "01012345678", "idNumber": "110105194912310021"},
         "vehicle": {"plate": "A12345", "vin": "LSVAU2180N218329O", "status": "STOLEN"},
         "overdueAmount": 10.005, "outstandingPrincipal": -1,
         "daysPastDue": 0, "priorOverdueCount": -1}""";

    JsonNode problem = assertProblem(api.postJson("loansys", "/api/cases", body), 400, "loanId", "borrower.name",
        "borrower.phone", "borrower.idNumber", "vehicle.plate", "vehicle.vin", "vehicle.status", "overdueAmount",
        "outstandingPrincipal", "daysPastDue", "priorOverdueCount");

    assertThat(problem.get("errors")).hasSize(11);
    assertThat(casesOf("L 1")).isZero();
  }

  @Test
  void typeErrorsAreReportedWithTheRuleErrors() {
    ObjectNode body = intake(newLoanId());
    body.put("daysPastDue", "fifteen");
    body.put("overdueAmount", "a lot");
    body.put("borrower", "张三");
    ((ObjectNode) body.get("vehicle")).put("vin", "SHORT");

    JsonNode problem = assertProblem(api.postJson("loansys", "/api/cases", body.toString()), 400,
        "daysPastDue", "overdueAmount", "borrower", "vehicle.vin");
    assertThat(problem.get("errors")).hasSize(4);
  }

  static Stream<Arguments> badFields() {
    return Stream.of(
        bad("loanId", b -> b.put("loanId", "L-" + "9".repeat(29))),
        bad("loanId", b -> b.put("loanId", "L/1")),
        bad("loanId", b -> b.remove("loanId")),
        bad("borrower", b -> b.remove("borrower")),
        bad("borrower.name", b -> borrower(b).put("name", " ")),
        bad("borrower.name", b -> borrower(b).put("name", "#{bean.call()}")),
        bad("borrower.name", b -> borrower(b).put("name", "张".repeat(51))),
        bad("borrower.name", b -> borrower(b).put("name", "张\u0000三")),
        bad("borrower.phone", b -> borrower(b).put("phone", "1381234567")),
        bad("borrower.phone", b -> borrower(b).put("phone", "12812345678")),
        bad("borrower.phone", b -> borrower(b).put("phone", 13812345678L)),
        bad("borrower.idNumber", b -> borrower(b).put("idNumber", "110105194912310021")),
        bad("borrower.idNumber", b -> borrower(b).put("idNumber", "110105194913310028")),
        bad("borrower.idNumber", b -> borrower(b).put("idNumber", "11010519491231002")),
        bad("vehicle", b -> b.remove("vehicle")),
        bad("vehicle.plate", b -> vehicle(b).put("plate", "${plate}")),
        bad("vehicle.vin", b -> vehicle(b).put("vin", "LSVAU2180N2183I94")),
        bad("vehicle.vin", b -> vehicle(b).put("vin", "LSVAU2180N2183Q94")),
        bad("vehicle.vin", b -> vehicle(b).put("vin", "LSVAU2180N218329")),
        bad("vehicle.status", b -> vehicle(b).put("status", "normal")),
        bad("vehicle.status", b -> vehicle(b).put("status", "STOLEN")),
        bad("overdueAmount", b -> b.put("overdueAmount", 0)),
        bad("overdueAmount", b -> b.put("overdueAmount", -100)),
        bad("overdueAmount", b -> b.put("overdueAmount", new java.math.BigDecimal("8500.001"))),
        bad("overdueAmount", b -> b.remove("overdueAmount")),
        bad("outstandingPrincipal", b -> b.put("outstandingPrincipal", -0.01)),
        bad("daysPastDue", b -> b.put("daysPastDue", 0)),
        bad("daysPastDue", b -> b.put("daysPastDue", 3651)),
        bad("daysPastDue", b -> b.put("daysPastDue", 15.5)),
        bad("daysPastDue", b -> b.put("daysPastDue", "15")),
        bad("priorOverdueCount", b -> b.put("priorOverdueCount", -1)),
        bad("priorOverdueCount", b -> b.remove("priorOverdueCount")));
  }

  @ParameterizedTest(name = "{0}: {index}")
  @MethodSource("badFields")
  void eachRuleOfTheContractIsChecked(String field, Consumer<ObjectNode> change) {
    String loanId = newLoanId();
    ObjectNode body = intake(loanId);
    change.accept(body);

    JsonNode problem = assertProblem(api.postJson("loansys", "/api/cases", body.toString()), 400, field);

    assertThat(fields(problem)).containsOnly(field);
    assertThat(casesOf(loanId)).isZero();
    assertThat(processInstancesOf(loanId)).isZero();
  }

  @Test
  void theBoundariesOfTheRulesAreAccepted() {
    ObjectNode body = intake(newLoanId());
    body.put("loanId", "L_" + "9".repeat(28));
    body.put("daysPastDue", 3650);
    body.put("priorOverdueCount", 0);
    body.put("overdueAmount", new java.math.BigDecimal("0.01"));
    body.remove("outstandingPrincipal");
    borrower(body).put("idNumber", "11010519491231002X");
    vehicle(body).put("plate", "粤B D12345".replace(" ", ""));

    assertThat(api.postJson("loansys", "/api/cases", body.toString()).statusCode()).isEqualTo(201);
  }

  @Test
  void agentsSupervisorsAndLegalOfficersSeeTheCaseWithoutFullNumbers() {
    String loanId = newLoanId();
    String pi = openCase(loanId);

    String owner = ownerOf(loanId);
    for (String user : List.of(owner, "supervisor1", "manager1", "legal1")) {
      HttpResponse<String> response = api.get(user, "/api/cases/" + loanId);
      assertThat(response.statusCode()).as(user).isEqualTo(200);
      assertThat(response.body()).doesNotContain("13812345678", "11010519491231002X");
    }
    String otherAgent = owner.equals("agent1") ? "agent2" : "agent1";
    assertProblem(api.get(otherAgent, "/api/cases/" + loanId), 403);
    JsonNode view = body(api.get(owner, "/api/cases/" + loanId));
    assertThat(view.get("caseOwner").asText()).isEqualTo(owner);
    assertThat(view.get("team").asText()).isEqualTo("team-m1");
    assertThat(view.get("bucket").asText()).isEqualTo("M1");
    assertThat(view.get("ownership").findValuesAsText("kind")).containsExactly("ALLOCATED");
    assertThat(view.get("loanId").asText()).isEqualTo(loanId);
    assertThat(view.get("processInstanceId").asText()).isEqualTo(pi);
    assertThat(view.get("status").asText()).isEqualTo("OPEN");
    assertThat(view.get("borrowerName").asText()).isEqualTo("张三");
    assertThat(view.get("borrowerPhoneMasked").asText()).isEqualTo("138****5678");
    assertThat(view.get("vehicle").get("plate").asText()).isEqualTo("京A12345");
    assertThat(view.get("vehicle").get("status").asText()).isEqualTo("NORMAL");
    assertThat(view.get("amountDue").decimalValue()).isEqualByComparingTo("8500.00");
    assertThat(view.get("overdueAmount").decimalValue()).isEqualByComparingTo("8500.00");
    assertThat(view.get("amountRepaid").decimalValue()).isEqualByComparingTo("0");
    assertThat(view.get("riskLevel").asText()).isEqualTo("MEDIUM");
    assertThat(view.get("strategy").asText()).isEqualTo("WECHAT_CONTACT");
    assertThat(view.get("openTasks")).hasSize(1);
    assertThat(view.get("openTasks").get(0).get("taskDefinitionKey").asText()).isEqualTo("callBorrower");
    assertThat(view.get("openTasks").get(0).get("id").asText())
        .isEqualTo(tasks.createTaskQuery().processInstanceId(pi).singleResult().getId());
    assertThat(view.get("currentActivities").findValuesAsText("id")).contains("callBorrower");
    assertThat(view.get("openedAt").asText()).isEqualTo("2026-12-01T10:00:00+08:00");
    assertThat(view.get("closedAt").isNull()).isTrue();
  }

  @Test
  void aSettledCaseShowsClosedWithItsOutcome() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    HttpResponse<String> paid = api.postJson("loansys", "/api/cases/" + loanId + "/payments",
        "{\"paymentId\": \"P-" + loanId + "\", \"amount\": 8500.00, \"paidAt\": \"2026-12-01T09:30:00+08:00\"}");
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
    executeJobs(pi);

    JsonNode view = body(api.get("supervisor1", "/api/cases/" + loanId));

    assertThat(view.get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("caseOutcome").asText()).isEqualTo("SETTLED");
    assertThat(view.get("amountRepaid").decimalValue()).isEqualByComparingTo("8500.00");
    assertThat(view.get("closedAt").asText()).isEqualTo("2026-12-01T10:00:00+08:00");
    assertThat(view.get("openTasks")).isEmpty();
  }

  @Test
  void anEscalatedCaseShowsWhy() {
    String loanId = newLoanId();
    ObjectNode body = intake(loanId);
    body.put("daysPastDue", 120);
    assertThat(api.postJson("loansys", "/api/cases", body.toString()).statusCode()).isEqualTo(201);

    JsonNode view = body(api.get("supervisor1", "/api/cases/" + loanId));

    assertThat(view.get("riskLevel").asText()).isEqualTo("HIGH");
    assertThat(view.get("escalationReason").asText()).isEqualTo("HIGH_RISK");
  }

  @Test
  void aCaseAboutToAskForTheWeComAddShowsThatStep() {
    String loanId = newLoanId();
    assertThat(api.postJson("loansys", "/api/cases", intake(loanId).toString()).statusCode()).isEqualTo(201);

    JsonNode view = body(api.get(ownerOf(loanId), "/api/cases/" + loanId));

    assertThat(view.get("currentActivities").findValuesAsText("id")).containsExactly("requestWeChatContact");
    assertThat(view.get("currentActivities").get(0).get("name").asText()).contains("要求加企业微信");
    assertThat(view.get("openTasks")).isEmpty();
  }

  @Test
  void theLoanSystemAndStrangersCannotReadCases() {
    String loanId = newLoanId();
    openCase(loanId);

    assertProblem(api.get("loansys", "/api/cases/" + loanId), 403);
    assertProblem(api.get("owner1", "/api/cases/" + loanId), 403);
    assertProblem(api.get(null, "/api/cases/" + loanId), 401);
  }

  @Test
  void anUnknownLoanIsNotFound() {
    assertProblem(api.get("agent1", "/api/cases/L-NO-SUCH-LOAN"), 404);
    assertProblem(api.get("agent1", "/api/cases/%24%7Bx%7D"), 404);
  }

  private static Arguments bad(String field, Consumer<ObjectNode> change) {
    return Arguments.of(field, change);
  }

  private static ObjectNode borrower(ObjectNode body) {
    return (ObjectNode) body.get("borrower");
  }

  private static ObjectNode vehicle(ObjectNode body) {
    return (ObjectNode) body.get("vehicle");
  }
}
