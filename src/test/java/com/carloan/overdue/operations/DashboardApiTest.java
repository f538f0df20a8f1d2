package com.carloan.overdue.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import com.carloan.overdue.process.CaseVariables;
import com.carloan.overdue.record.promise.PromiseSweep;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's data call as a supervisor reads it, after the loan system reported payments through the API.
 * The API tests share one database: each test compares the figures before with the figures after.
 */
class DashboardApiTest extends ApiTestSupport {

  @Autowired Dashboard dashboard;
  @Autowired MetricsSnapshots snapshots;
  @Autowired PromiseSweep sweep;

  /** Made on Tuesday 1 December for Sunday 20 December: due Tuesday 22 December, 00:00 (promiseGrace P1D). */
  private static final ZonedDateTime PROMISES_DUE = ZonedDateTime.parse("2026-12-22T00:00:00+08:00[Asia/Shanghai]");

  @Test
  void aPaymentOnAnOpenCaseCountsAsRecoveredInTheWindow() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    String earlier = newLoanId();
    openCase(earlier);
    JsonNode before = dashboardData();

    assertThat(pay(loanId, "P-" + loanId, "1000.00", "2026-12-01T09:30:00+08:00").statusCode()).isEqualTo(200);
    // Paid 42 days ago, reported only now: before the 30 days' window.
    assertThat(pay(earlier, "P-" + earlier, "500.00", "2026-10-20T10:00:00+08:00").statusCode()).isEqualTo(200);

    JsonNode after = dashboardData();
    assertThat(activeActivities(pi)).as("the case is still open").isNotEmpty();
    assertThat(after.at("/recovered/amount").decimalValue())
        .isEqualByComparingTo(before.at("/recovered/amount").decimalValue().add(new BigDecimal("1000")));
    assertThat(after.at("/recovered/payments").asLong()).isEqualTo(before.at("/recovered/payments").asLong() + 1);
    // The outcomes count the cases closed in the window: an open case's payment is not among them.
    assertThat(after.at("/outcomes/amountRepaid").decimalValue())
        .isEqualByComparingTo(before.at("/outcomes/amountRepaid").decimalValue());
    assertThat(after.at("/open/amountRepaid").decimalValue())
        .isEqualByComparingTo(before.at("/open/amountRepaid").decimalValue().add(new BigDecimal("1500")));
    // What Tasklist's filters show as the amount due: set at intake, not lowered by a payment.
    assertThat(runtime.getVariable(pi, CaseVariables.AMOUNT_DUE)).isEqualTo(8500.0);
    assertThat(runtime.getVariable(pi, CaseVariables.AMOUNT_REPAID)).isEqualTo(1000.0);
  }

  @Test
  void promisesToPayKeptAndBrokenGiveTheKeptRatePerAgentAndTeamOnTheDashboardAndInPrometheus() {
    String keptLoan = newLoanId();
    openCase(keptLoan);
    String brokenLoan = newLoanId();
    openCase(brokenLoan);
    assertThat(jdbc.queryForList("select team from case_ownership where loan_id in (?, ?)", String.class, keptLoan,
        brokenLoan)).containsOnly("team-m1");
    String keeper = ownerOf(keptLoan);
    String breaker = ownerOf(brokenLoan);
    long openBefore = dashboardData().at("/promisesToPay/open").asLong();

    promiseToPay(keeper, keptLoan);
    promiseToPay(breaker, brokenLoan);
    assertThat(dashboardData().at("/promisesToPay/open").asLong()).isEqualTo(openBefore + 2);
    setClock(TUESDAY_10AM.plusHours(1));
    assertThat(pay(keptLoan, "P-" + keptLoan, "3000.00", "2026-12-01T11:00:00+08:00").statusCode()).isEqualTo(200);

    // Other tests' promises fall due earlier: decided now, so the sweep at the due moment decides only these two.
    setClock(PROMISES_DUE.minusMinutes(1));
    sweep.run();
    setClock(PROMISES_DUE.plusMinutes(1));
    JsonNode before = dashboardData();
    Map<String, Double> scrapedBefore = scrape();

    assertThat(sweep.run()).isEqualTo(new PromiseSweep.Swept(1, 1));

    JsonNode after = dashboardData();
    assertThat(after.at("/promisesToPay/kept").asLong()).isEqualTo(before.at("/promisesToPay/kept").asLong() + 1);
    assertThat(after.at("/promisesToPay/broken").asLong()).isEqualTo(before.at("/promisesToPay/broken").asLong() + 1);
    assertThat(after.at("/promisesToPay/open").asLong()).isEqualTo(before.at("/promisesToPay/open").asLong() - 2);
    assertKeptRate(after.at("/promisesToPay"));
    // the repayment plans' installment checks are another figure: no plan was agreed or checked here
    assertThat(after.path("promises")).isEqualTo(before.path("promises"));
    JsonNode team = team(after, "team-m1").path("promisesToPay");
    JsonNode teamBefore = team(before, "team-m1").path("promisesToPay");
    assertThat(team.path("kept").asLong()).isEqualTo(teamBefore.path("kept").asLong() + 1);
    assertThat(team.path("broken").asLong()).isEqualTo(teamBefore.path("broken").asLong() + 1);
    assertKeptRate(team);
    Map<String, long[]> added = new HashMap<>();
    added.computeIfAbsent(keeper, a -> new long[2])[0]++;
    added.computeIfAbsent(breaker, a -> new long[2])[1]++;
    added.forEach((agent, keptAndBroken) -> {
      JsonNode a = agent(after, "team-m1", agent).path("promisesToPay");
      JsonNode b = agent(before, "team-m1", agent).path("promisesToPay");
      assertThat(a.path("kept").asLong()).as(agent).isEqualTo(b.path("kept").asLong() + keptAndBroken[0]);
      assertThat(a.path("broken").asLong()).as(agent).isEqualTo(b.path("broken").asLong() + keptAndBroken[1]);
      assertKeptRate(a);
    });
    long agentsKept = 0;
    for (JsonNode a : team(after, "team-m1").path("agents")) {
      agentsKept += a.at("/promisesToPay/kept").asLong();
    }
    assertThat(agentsKept).as("the team is the sum of its rows").isEqualTo(team.path("kept").asLong());

    Map<String, Double> scraped = scrape();
    assertThat(scraped.get("collections_promises{status=\"KEPT\"}"))
        .isEqualTo(scrapedBefore.get("collections_promises{status=\"KEPT\"}") + 1);
    assertThat(scraped.get("collections_promises{status=\"BROKEN\"}"))
        .isEqualTo(scrapedBefore.get("collections_promises{status=\"BROKEN\"}") + 1);
    assertThat(scraped.get("collections_promises{status=\"OPEN\"}"))
        .isEqualTo(scrapedBefore.get("collections_promises{status=\"OPEN\"}") - 2);
    assertThat(scraped.get("collections_promises_kept_ratio{team=\"team-m1\"}"))
        .isCloseTo(team.path("keptRate").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void complaintsCountOpenUntilHandledAndOverdueOnceTheirDeadlinePassed() {
    String handledLoan = newLoanId();
    String handledCase = openCase(handledLoan);
    String openLoan = newLoanId();
    openCase(openLoan);
    // Received at 10:07, apart from the other tests' complaints (10:00): due Wednesday 16 December, 10:07.
    ZonedDateTime received = TUESDAY_10AM.plusMinutes(7);
    setClock(received);
    JsonNode before = dashboardData();

    complain(handledLoan);
    complain(openLoan);
    Task handling = tasks.createTaskQuery().processInstanceId(handledCase).taskDefinitionKey("handleComplaint")
        .singleResult();
    HttpResponse<String> done = api.postJson("supervisor1", "/engine-rest/task/" + handling.getId() + "/complete",
        "{\"variables\": {\"complaintResolution\": {\"value\": \"RESOLVED\"}, "
            + "\"complaintResponse\": {\"value\": \"已说明\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

    JsonNode filed = dashboardData();
    assertThat(filed.at("/complaints/open").asLong()).isEqualTo(before.at("/complaints/open").asLong() + 1);
    assertThat(filed.at("/complaints/overdue").asLong()).isEqualTo(before.at("/complaints/overdue").asLong());

    setClock(received.plusDays(15).minusMinutes(1));
    JsonNode onTime = dashboardData();
    setClock(received.plusDays(15).plusMinutes(1));
    JsonNode late = dashboardData();
    assertThat(late.at("/complaints/open").asLong()).isEqualTo(onTime.at("/complaints/open").asLong());
    assertThat(late.at("/complaints/overdue").asLong()).isEqualTo(onTime.at("/complaints/overdue").asLong() + 1);
    Map<String, Double> scraped = scrape();
    assertThat(scraped.get("collections_complaints_open")).isEqualTo(late.at("/complaints/open").asDouble());
    assertThat(scraped.get("collections_complaints_overdue")).isEqualTo(late.at("/complaints/overdue").asDouble());
  }

  @Test
  void aRateWithNothingToCountIsNullNotZero() {
    // Years after every case of the shared database: nothing closed, promised or asked in the window.
    setClock(TUESDAY_10AM.plusYears(20));

    JsonNode data = dashboardData();

    assertThat(data.at("/outcomes/cases").asLong()).isZero();
    assertThat(data.at("/outcomes/recoveryRate").isNull()).as("recovery rate").isTrue();
    assertThat(data.at("/outcomes/days")).allSatisfy(day -> assertThat(day.get("recoveryRate").isNull()).isTrue());
    assertThat(data.at("/promises/keptRate").isNull()).as("repayment-plan kept rate").isTrue();
    assertThat(data.at("/promisesToPay/keptRate").isNull()).as("promise-to-pay kept rate").isTrue();
    assertThat(data.path("teams")).allSatisfy(t -> {
      assertThat(t.at("/promisesToPay/keptRate").isNull()).as(t.path("team").asText()).isTrue();
      assertThat(t.path("agents")).allSatisfy(a -> assertThat(a.at("/promisesToPay/keptRate").isNull()).isTrue());
    });
    assertThat(scrape().get("collections_promises_kept_ratio{team=\"team-m1\"}")).isNaN();
    assertThat(data.at("/contact/rightPartyContactRate").isNull()).as("right-party contact rate").isTrue();
    assertThat(data.at("/recovered/amount").decimalValue()).isZero();
  }

  @Test
  void anApprovedWaiverShowsApartAndNeverAsRecovered() {
    JsonNode before = dashboardData();
    Map<String, Double> scrapedBefore = scrape();
    String loanId = newLoanId();
    var body = intake(loanId);
    body.put("penaltyAmount", new java.math.BigDecimal("600.00"));
    HttpResponse<String> opened = api.postJson("loansys", "/api/cases", body.toString());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    executeJobs(body(opened).path("processInstanceId").asText());
    assertThat(api.postJson("supervisor1", "/api/cases/" + loanId + "/waivers",
        "{\"kind\": \"PENALTY\", \"amount\": 300.00, \"reason\": \"首次逾期\"}").statusCode()).isEqualTo(201);
    String task = tasks.createTaskQuery().processInstanceBusinessKey(loanId).taskDefinitionKey("approveWaiver")
        .singleResult().getId();
    assertThat(api.postJson("supervisor2", "/engine-rest/task/" + task + "/complete",
        "{\"variables\": {\"waiverApproved\": {\"value\": true}}}").statusCode()).isEqualTo(204);

    JsonNode after = dashboardData();
    assertThat(after.at("/open/amountWaived").decimalValue().subtract(before.at("/open/amountWaived").decimalValue()))
        .isEqualByComparingTo("300.00");
    // 8,500.00 overdue + 600.00 penalty - 300.00 waived
    assertThat(after.at("/open/amountDue").decimalValue().subtract(before.at("/open/amountDue").decimalValue()))
        .isEqualByComparingTo("8800.00");
    assertThat(after.at("/recovered/amount").decimalValue())
        .isEqualByComparingTo(before.at("/recovered/amount").decimalValue());
    Map<String, Double> scraped = scrape();
    assertThat(scraped.get("collections_amount_waived_total") - scrapedBefore.get("collections_amount_waived_total"))
        .isEqualTo(300.0);
    assertThat(scraped.get("collections_amount_recovered_total"))
        .isEqualTo(scrapedBefore.get("collections_amount_recovered_total"));
  }

  /** {@code GET /dashboard/data} as supervisor1, with figures computed now rather than up to 30 s ago. */
  private JsonNode dashboardData() {
    dashboard.refresh();
    HttpResponse<String> response = api.get("supervisor1", "/dashboard/data");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return body(response);
  }

  /** The business series of {@code GET /actuator/prometheus} as the scrape account reads it, computed now. */
  private Map<String, Double> scrape() {
    snapshots.refresh();
    HttpResponse<String> response = api.get("prometheus", "/actuator/prometheus");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Double> series = new HashMap<>();
    response.body().lines().filter(l -> l.startsWith("collections_")).forEach(l -> {
      int space = l.lastIndexOf(' ');
      series.put(l.substring(0, space), Double.valueOf(l.substring(space + 1)));
    });
    return series;
  }

  private static void assertKeptRate(JsonNode figures) {
    long kept = figures.path("kept").asLong();
    assertThat(figures.path("keptRate").asDouble())
        .isCloseTo((double) kept / (kept + figures.path("broken").asLong()), org.assertj.core.data.Offset.offset(1e-9));
  }

  private static JsonNode team(JsonNode data, String team) {
    for (JsonNode t : data.path("teams")) {
      if (t.path("team").asText().equals(team)) {
        return t;
      }
    }
    throw new AssertionError("no team " + team);
  }

  private static JsonNode agent(JsonNode data, String team, String agent) {
    for (JsonNode a : team(data, team).path("agents")) {
      if (a.path("agent").asText().equals(agent)) {
        return a;
      }
    }
    throw new AssertionError("no agent " + agent + " in " + team);
  }

  /** The owner's note on a call: the borrower promises 3,000.00 for Sunday 20 December. */
  private void promiseToPay(String owner, String loanId) {
    HttpResponse<String> note = api.postJson(owner, "/api/cases/" + loanId + "/notes", """
        {"channel": "WECHAT", "reached": "BORROWER", "feedback": "PROMISE_TO_PAY",
         "promise": {"amount": 3000.00, "date": "2026-12-20"}}""");
    assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
  }

  private void complain(String loanId) {
    HttpResponse<String> complaint = api.postJson("loansys", "/api/cases/" + loanId + "/complaints",
        "{\"channel\": \"PHONE\", \"category\": \"AMOUNT\", \"content\": \"借款人对金额有异议\"}");
    assertThat(complaint.statusCode()).as(complaint.body()).isEqualTo(201);
  }

  private HttpResponse<String> pay(String loanId, String paymentId, String amount, String paidAt) {
    return api.postJson("loansys", "/api/cases/" + loanId + "/payments", "{\"paymentId\": \"" + paymentId
        + "\", \"amount\": " + amount + ", \"paidAt\": \"" + paidAt + "\"}");
  }
}
