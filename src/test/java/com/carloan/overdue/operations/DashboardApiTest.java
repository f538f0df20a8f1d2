package com.carloan.overdue.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import com.carloan.overdue.process.CaseVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's data call as a supervisor reads it, after the loan system reported payments through the API.
 * The API tests share one database: each test compares the figures before with the figures after.
 */
class DashboardApiTest extends ApiTestSupport {

  @Autowired Dashboard dashboard;

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
  void aRateWithNothingToCountIsNullNotZero() {
    // Years after every case of the shared database: nothing closed, promised or asked in the window.
    setClock(TUESDAY_10AM.plusYears(20));

    JsonNode data = dashboardData();

    assertThat(data.at("/outcomes/cases").asLong()).isZero();
    assertThat(data.at("/outcomes/recoveryRate").isNull()).as("recovery rate").isTrue();
    assertThat(data.at("/outcomes/days")).allSatisfy(day -> assertThat(day.get("recoveryRate").isNull()).isTrue());
    assertThat(data.at("/promises/keptRate").isNull()).as("promise-kept rate").isTrue();
    assertThat(data.at("/contact/rightPartyContactRate").isNull()).as("right-party contact rate").isTrue();
    assertThat(data.at("/recovered/amount").decimalValue()).isZero();
  }

  /** {@code GET /dashboard/data} as supervisor1, with figures computed now rather than up to 30 s ago. */
  private JsonNode dashboardData() {
    dashboard.refresh();
    HttpResponse<String> response = api.get("supervisor1", "/dashboard/data");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return body(response);
  }

  private HttpResponse<String> pay(String loanId, String paymentId, String amount, String paidAt) {
    return api.postJson("loansys", "/api/cases/" + loanId + "/payments", "{\"paymentId\": \"" + paymentId
        + "\", \"amount\": " + amount + ", \"paidAt\": \"" + paidAt + "\"}");
  }
}
