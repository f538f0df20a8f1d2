package com.carloan.overdue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Whatever goes wrong, {@code /api} answers problem+json with a 4xx, or a 500 that tells nothing of the inside. */
class ApiErrorsTest extends ApiTestSupport {

  private static final int MB = 1024 * 1024;

  @Test
  void malformedJsonIsABadRequest() {
    var problem = assertProblem(api.postJson("loansys", "/api/cases", "{\"loanId\": \"L-1\", "), 400, "body");
    assertThat(problem.get("errors").get(0).get("message").asText()).startsWith("is not well-formed JSON");
    assertProblem(api.postJson("loansys", "/api/cases", "{\"loanId\": 'L-1'}"), 400, "body");
    assertProblem(api.postJson("loansys", "/api/cases", intake(newLoanId()) + " trailing"), 400, "body");
  }

  @Test
  void aMissingOrNonObjectBodyIsABadRequest() {
    assertProblem(api.post("loansys", "/api/cases", "application/json", null), 400, "body");
    assertProblem(api.postJson("loansys", "/api/cases", "[]"), 400, "body");
    assertProblem(api.postJson("loansys", "/api/cases", "null"), 400, "body");
    assertProblem(api.postJson("loansys", "/api/cases", "\"case\""), 400, "body");
  }

  @Test
  void aWrongContentTypeIsUnsupported() {
    String loanId = newLoanId();
    byte[] body = intake(loanId).toString().getBytes(StandardCharsets.UTF_8);

    var problem = assertProblem(api.post("loansys", "/api/cases", "text/plain", body), 415, "Content-Type");
    assertThat(problem.get("errors").get(0).get("message").asText()).contains("application/json");
    assertProblem(api.post("loansys", "/api/cases", null, body), 415);
    assertProblem(api.post("loansys", "/api/cases", "application/xml", body), 415);
    assertProblem(api.post("loansys", "/api/cases/import", "application/json", body), 415, "Content-Type");
    assertProblem(api.post("loansys", "/api/cases/" + loanId + "/payments", "text/csv", body), 415);
    assertThat(casesOf(loanId)).isZero();
  }

  @Test
  void anOversizedJsonBodyIsRefused() {
    String loanId = newLoanId();
    String padded = intake(loanId).put("padding", "x".repeat(MB + 100)).toString();

    assertProblem(api.postJson("loansys", "/api/cases", padded), 413, "body");
    assertProblem(api.postChunked("loansys", "/api/cases", "application/json",
        () -> new ByteArrayInputStream(padded.getBytes(StandardCharsets.UTF_8))), 413, "body");
    assertThat(casesOf(loanId)).isZero();
  }

  @Test
  void justUnderTheLimitIsRead() {
    String loanId = newLoanId();
    String padded = intake(loanId).put("padding", "x".repeat(MB - 1000)).toString();

    assertThat(api.postJson("loansys", "/api/cases", padded).statusCode()).isEqualTo(201);
  }

  @Test
  void aCsvDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/cases/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
          + Base64.getEncoder().encodeToString("loansys:loansys".getBytes(StandardCharsets.UTF_8))
          + "\r\nContent-Type: text/csv\r\nContent-Length: " + (60L * MB) + "\r\n\r\nloanId,borrowerName\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertThat(in.readLine()).startsWith("HTTP/1.1 413");
    }
  }

  @Test
  void aChunkedCsvOverTheLimitIsRefusedWhenItPassesIt() {
    long size = 50L * MB + 64 * 1024;
    HttpResponse<String> response = api.postChunked("loansys", "/api/cases/import", "text/csv",
        () -> new SequenceInputStream(new ByteArrayInputStream(String.join(",", "loanId", "borrowerName\r\n")
            .getBytes(StandardCharsets.UTF_8)), new Filler(size)));

    assertProblem(response, 413, "body");
  }

  @Test
  void anUnknownPathOrMethodUnderApiIsProblemJson() {
    assertProblem(api.get("supervisor1", "/api/no-such-thing"), 404);
    var notAllowed = assertProblem(api.send("supervisor1", "DELETE", "/api/cases/L-1"), 405);
    assertThat(notAllowed.get("detail").asText()).contains("DELETE");
  }

  @Test
  void anUnexpectedFailureIsA500WithoutInternalsAndChangesNothing() {
    String loanId = newLoanId();
    openCase(loanId);
    FailingTrigger.install(jdbc, "payment");
    HttpResponse<String> response;
    try {
      response = api.postJson("loansys", "/api/cases/" + loanId + "/payments",
          "{\"paymentId\": \"BOOM-1\", \"amount\": 100.00, \"paidAt\": \"2026-12-01T09:30:00+08:00\"}");
    } finally {
      FailingTrigger.remove(jdbc, "payment");
    }

    var problem = assertProblem(response, 500);
    assertThat(response.body()).doesNotContain("simulated", "BOOM", "trigger", "h2", "jdbc", "insert");
    assertThat(problem.get("detail").asText()).contains("unexpected error");
    assertThat(jdbc.queryForObject("select count(*) from payment where loan_id = ?", Integer.class, loanId)).isZero();
    assertThat(body(api.postJson("loansys", "/api/cases/" + loanId + "/payments",
        "{\"paymentId\": \"OK-" + loanId + "\", \"amount\": 100.00, \"paidAt\": \"2026-12-01T09:30:00+08:00\"}"))
        .get("amountRepaid").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(100));
  }

  /**
   * Allocation locks the team's row until the transaction that allocates commits (a CSV import's batch, on H2
   * a few seconds); an intake that waits longer than H2's lock timeout is a 503 to send again, not a 500, and
   * leaves nothing behind. On PostgreSQL the intake waits for the lock instead (no {@code lock_timeout}).
   */
  @Test
  void anIntakeThatWaitsTooLongForItsTeamIsA503ToSendAgain() throws Exception {
    assumeFalse(FailingTrigger.isPostgres(jdbc), "H2 gives up on a lock; PostgreSQL waits");
    String loanId = newLoanId();
    HttpResponse<String> response;
    try (Connection importBatch = jdbc.getDataSource().getConnection()) {
      importBatch.setAutoCommit(false);
      importBatch.createStatement().executeQuery("select team from collection_team for update").close();
      response = api.postJson("loansys", "/api/cases", intake(loanId).toString());
      importBatch.rollback();
    }

    var problem = assertProblem(response, 503);
    assertThat(response.headers().firstValue("Retry-After")).contains("2");
    assertThat(problem.get("detail").asText()).contains("Send it again");
    assertThat(response.body()).doesNotContain("COLLECTION_TEAM", "h2", "jdbc");
    assertThat(casesOf(loanId)).isZero();
    assertThat(processInstancesOf(loanId)).isZero();
    openCase(loanId);
    assertThat(ownerOf(loanId)).isNotNull();
  }

  @Test
  void pathsOutsideTheApiKeepSpringsOwnErrors() {
    HttpResponse<String> response = api.get("admin", "/no-such-page");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).doesNotStartWith(PROBLEM_JSON);
    assertThat(api.get(null, "/actuator/health").statusCode()).isEqualTo(200);
  }

  /** {@code size} bytes of CSV-looking filler, produced as they are read. */
  private static final class Filler extends InputStream {
    private static final byte[] LINE = "L-0000000001,借款人\r\n".getBytes(StandardCharsets.UTF_8);
    private long left;
    private int at;

    Filler(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      if (left-- <= 0) {
        return -1;
      }
      byte b = LINE[at];
      at = (at + 1) % LINE.length;
      return b & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(length, left);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = LINE[at];
        at = (at + 1) % LINE.length;
      }
      left -= n;
      return n;
    }
  }
}
