package com.carloan.overdue.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code POST /api/cases/{loanId}/payments} (CONTRACT §2). */
class PaymentApiTest extends ApiTestSupport {

  @Test
  void thePaymentCountsTowardsTheAmountDue() {
    String loanId = newLoanId();
    openCase(loanId);

    HttpResponse<String> response = pay("loansys", loanId, "P-" + loanId, "1000.00");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode status = body(response);
    assertThat(status.get("amountDue").decimalValue()).isEqualByComparingTo("8500.00");
    assertThat(status.get("amountRepaid").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(status.get("settled").asBoolean()).isFalse();
  }

  @Test
  void onlyTheLoanSystemReportsPayments() {
    String loanId = newLoanId();
    openCase(loanId);

    assertProblem(pay("supervisor1", loanId, "P-S-" + loanId, "100.00"), 403);
    assertProblem(pay("agent1", loanId, "P-A-" + loanId, "100.00"), 403);
    assertProblem(pay("admin", loanId, "P-X-" + loanId, "100.00"), 403);
    assertProblem(pay(null, loanId, "P-N-" + loanId, "100.00"), 401);
    assertThat(paymentsOf(loanId)).isZero();
  }

  @Test
  void theSamePaymentIdTwiceCountsOnce() {
    String loanId = newLoanId();
    openCase(loanId);

    pay("loansys", loanId, "P-" + loanId, "1000.00");
    HttpResponse<String> again = pay("loansys", loanId, "P-" + loanId, "1000.00");

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(body(again).get("amountRepaid").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(paymentsOf(loanId)).isEqualTo(1);
  }

  @Test
  void theSamePaymentIdWithAnotherAmountIsAConflict() {
    String loanId = newLoanId();
    openCase(loanId);
    pay("loansys", loanId, "P-" + loanId, "1000.00");

    assertProblem(pay("loansys", loanId, "P-" + loanId, "2000.00"), 409);
    assertThat(body(pay("loansys", loanId, "P2-" + loanId, "1.00")).get("amountRepaid").decimalValue())
        .isEqualByComparingTo("1001.00");
  }

  @Test
  void reachingTheAmountDueSettlesTheCase() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    assertThat(activeActivities(pi)).contains("callBorrower");

    pay("loansys", loanId, "P1-" + loanId, "8000.00");
    JsonNode status = body(pay("loansys", loanId, "P2-" + loanId, "500.00"));

    assertThat(status.get("settled").asBoolean()).isTrue();
    assertThat(status.get("amountRepaid").decimalValue()).isEqualByComparingTo("8500.00");
    assertThat(activeActivities(pi)).containsExactly("archiveCase");
  }

  @Test
  void aPaymentWithoutActiveCaseIsNotFoundButKeptForReconciliation() {
    String loanId = newLoanId();

    assertProblem(pay("loansys", loanId, "P-" + loanId, "300.00"), 404);

    assertThat(jdbc.queryForObject("select amount from payment where payment_id = ? and case_id is null",
        BigDecimal.class, "P-" + loanId)).isEqualByComparingTo("300.00");
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    String loanId = newLoanId();
    openCase(loanId);

    JsonNode problem = assertProblem(api.postJson("loansys", "/api/cases/" + loanId + "/payments",
        "{\"paymentId\": \"P 1 ${x}\", \"amount\": -5, \"paidAt\": \"yesterday\"}"), 400, "paymentId", "amount", "paidAt");
    assertThat(problem.get("errors")).hasSize(3);

    assertProblem(api.postJson("loansys", "/api/cases/" + loanId + "/payments",
        "{\"paymentId\": \"P-1\", \"amount\": 10.001, \"paidAt\": \"2026-11-29T10:00:00\"}"), 400, "amount", "paidAt");
    assertProblem(api.postJson("loansys", "/api/cases/" + loanId + "/payments",
        "{\"paymentId\": \"P-1\", \"amount\": \"ten\"}"), 400, "amount", "paidAt");
    assertProblem(api.postJson("loansys", "/api/cases/L%20X/payments",
        "{\"paymentId\": \"P-1\", \"amount\": 10, \"paidAt\": \"2026-11-29T10:00:00+08:00\"}"), 400, "loanId");
    assertThat(paymentsOf(loanId)).isZero();
  }

  @Test
  void eightPaymentsAtTheSameMomentAllCountAndSettleOnce() throws Exception {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        String paymentId = "P" + i + "-" + loanId;
        answers.add(pool.submit(() -> {
          start.await();
          return pay("loansys", loanId, paymentId, "1062.50");
        }));
      }
      start.countDown();
      int settledAnswers = 0;
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        settledAnswers += body(response).get("settled").asBoolean() ? 1 : 0;
      }
      assertThat(settledAnswers).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }

    assertThat(paymentsOf(loanId)).isEqualTo(threads);
    assertThat(jdbc.queryForObject("select sum(amount) from payment where loan_id = ?", BigDecimal.class, loanId))
        .isEqualByComparingTo("8500.00");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId("debtSettled").count())
        .isEqualTo(1);
    assertThat(activeActivities(pi)).containsExactly("archiveCase");
  }

  @Test
  void theSamePaymentSentFourTimesAtOnceCountsOnce() throws Exception {
    String loanId = newLoanId();
    openCase(loanId);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return pay("loansys", loanId, "P-" + loanId, "700.00");
        }));
      }
      start.countDown();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body(response).get("amountRepaid").decimalValue()).isEqualByComparingTo("700.00");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(paymentsOf(loanId)).isEqualTo(1);
  }

  private HttpResponse<String> pay(String user, String loanId, String paymentId, String amount) {
    return api.postJson(user, "/api/cases/" + loanId + "/payments", "{\"paymentId\": \"" + paymentId
        + "\", \"amount\": " + amount + ", \"paidAt\": \"2026-12-01T09:30:00+08:00\"}");
  }

  private int paymentsOf(String loanId) {
    return jdbc.queryForObject("select count(*) from payment where loan_id = ?", Integer.class, loanId);
  }
}
