package com.carloan.overdue.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import com.carloan.overdue.api.FailingTrigger;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /api/cases/import} (CONTRACT §2): a day's overdue list as CSV. */
class CaseImportApiTest extends ApiTestSupport {

  private static final String IMPORT = "/api/cases/import";

  @Test
  void tenThousandRowsImportAndAReimportSkipsThemAll() {
    String prefix = prefix();
    int rows = Integer.getInteger("importRows", 10_000);
    byte[] file = new CaseCsv().rows(rows, n -> prefix + n).bytes();

    long start = System.nanoTime();
    HttpResponse<String> response = api.postCsv("loansys", IMPORT, file);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("Imported %d rows (%d KB) in %d ms: %.0f rows/s%n", rows, file.length / 1024, millis,
        rows * 1000.0 / millis);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = body(response);
    assertThat(result.get("imported").asInt()).isEqualTo(rows);
    assertThat(result.get("skipped")).isEmpty();
    assertThat(casesLike(prefix)).isEqualTo(rows);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(prefix + "%").count())
        .isEqualTo(rows);
    // generous: the same 10,000 rows take about 60 s on an idle 2-core machine, mostly in opening the cases
    assertThat(millis).isLessThan(600_000);

    long again = System.nanoTime();
    JsonNode rerun = body(api.postCsv("supervisor1", IMPORT, file));
    System.out.printf("Re-imported the same %d rows (all skipped) in %d ms%n", rows, (System.nanoTime() - again) / 1_000_000);
    assertThat(rerun.get("imported").asInt()).isZero();
    assertThat(rerun.get("skipped")).hasSize(rows);
    JsonNode first = rerun.get("skipped").get(0);
    assertThat(first.get("row").asLong()).isEqualTo(2);
    assertThat(first.get("loanId").asText()).isEqualTo(prefix + 0);
    assertThat(first.get("reason").asText()).isEqualTo("the loan already has an active case");
    assertThat(rerun.get("skipped").get(rows - 1).get("row").asLong()).isEqualTo(rows + 1);
    assertThat(casesLike(prefix)).isEqualTo(rows);
  }

  @Test
  void everyBadRowIsReportedAndNothingIsImported() {
    String prefix = prefix();
    byte[] file = new CaseCsv()
        .row(prefix + 0, 0)
        .row(prefix + 1, 1, "borrowerPhone", "12345", "borrowerIdNumber", "110105194912310021")
        .row(prefix + 2, 2)
        .row(prefix + 3, 3, "vehicleStatus", "STOLEN", "overdueAmount", "abc", "daysPastDue", "0")
        .row("L 4", 4, "borrowerName", "\"${jndi:ldap://x}\"")
        .row(prefix + 5, 5, "vehicleVin", "LSVAU2180N2183I94", "priorOverdueCount", "-1", "outstandingPrincipal", "1.005")
        .row(prefix + 6, 6)
        .bytes();

    HttpResponse<String> response = api.postCsv("loansys", IMPORT, file);

    JsonNode problem = assertProblem(response, 400);
    assertThat(problem.get("detail").asText()).isEqualTo("4 rows have errors; no case was opened");
    List<String> errors = new ArrayList<>();
    problem.get("errors").forEach(e -> errors.add(e.get("row").asLong() + ":" + e.get("field").asText()));
    assertThat(errors).containsExactly("3:borrowerPhone", "3:borrowerIdNumber", "5:overdueAmount", "5:vehicleStatus",
        "5:daysPastDue", "6:loanId", "6:borrowerName", "7:vehicleVin", "7:outstandingPrincipal", "7:priorOverdueCount");
    assertThat(casesLike(prefix)).isZero();
  }

  @Test
  void aByteOrderMarkReorderedColumnsAndQuotedFieldsAreAccepted() {
    String prefix = prefix();
    List<String> columns = new ArrayList<>(CaseCsv.COLUMNS);
    Collections.reverse(columns);
    byte[] file = new CaseCsv(columns).withBom()
        .row(prefix + 0, 0, "borrowerName", "\"王, \"\"小明\"\"\"")
        .line("")
        .row(prefix + 1, 1, "borrowerName", "\"李四\"", "outstandingPrincipal", "")
        .bytes();

    HttpResponse<String> response = api.postCsv("loansys", IMPORT, file);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(body(response).get("imported").asInt()).isEqualTo(2);
    assertThat(jdbc.queryForObject("select borrower_name from loan_case where loan_id = ?", String.class, prefix + 0))
        .isEqualTo("王, \"小明\"");
  }

  @Test
  void theSameLoanTwiceInOneFileIsABadRow() {
    String prefix = prefix();
    byte[] file = new CaseCsv().row(prefix + 0, 0).row(prefix + 1, 1).row(prefix + 0, 2).bytes();

    JsonNode problem = assertProblem(api.postCsv("loansys", IMPORT, file), 400, "loanId");

    assertThat(problem.get("errors").get(0).get("row").asLong()).isEqualTo(4);
    assertThat(problem.get("errors").get(0).get("message").asText()).contains("row 2");
    assertThat(casesLike(prefix)).isZero();
  }

  @Test
  void loansWithAnActiveCaseAreSkippedWithTheirRow() {
    String prefix = prefix();
    openCase(prefix + 1);

    JsonNode result = body(api.postCsv("supervisor1", IMPORT, new CaseCsv().rows(3, n -> prefix + n).bytes()));

    assertThat(result.get("imported").asInt()).isEqualTo(2);
    assertThat(result.get("skipped")).hasSize(1);
    assertThat(result.get("skipped").get(0).get("row").asLong()).isEqualTo(3);
    assertThat(result.get("skipped").get(0).get("loanId").asText()).isEqualTo(prefix + 1);
    assertThat(casesOf(prefix + 1)).isEqualTo(1);
  }

  @Test
  void aRunStoppedByACrashIsCompletedByRunningTheSameFileAgain() {
    String prefix = prefix();
    // 450 rows; the loan in row 302 (the 301st case) makes the database fail, as a crash would
    byte[] file = new CaseCsv().rows(450, n -> n == 300 ? "BOOM-" + prefix.substring(2) : prefix + n).bytes();
    FailingTrigger.install(jdbc, "loan_case");
    HttpResponse<String> crashed;
    try {
      crashed = api.postCsv("loansys", IMPORT, file);
    } finally {
      FailingTrigger.remove(jdbc, "loan_case");
    }
    JsonNode problem = assertProblem(crashed, 500);
    // the import's lanes open batches at once: the failing row's lane stops there, the other finishes the
    // batches it had in hand; whole batches are opened, and the answer counts them all
    int opened = casesLike(prefix);
    assertThat(opened).isBetween(1, 449);
    assertThat(problem.get("detail").asText()).contains("row 302 after opening " + opened + " cases");

    HttpResponse<String> rerun = api.postCsv("loansys", IMPORT, file);

    assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(200);
    assertThat(body(rerun).get("imported").asInt()).isEqualTo(450 - opened);
    assertThat(body(rerun).get("skipped")).hasSize(opened);
    assertThat(casesLike(prefix) + casesOf("BOOM-" + prefix.substring(2))).isEqualTo(450);
    assertThat(jdbc.queryForObject("select count(distinct loan_id) from loan_case where loan_id like ?", Integer.class,
        prefix + "%")).isEqualTo(449);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(prefix + "%").count())
        .isEqualTo(449);
  }

  @Test
  void aHeaderWithoutTheColumnsIsRefused() {
    JsonNode problem = assertProblem(api.postCsv("loansys", IMPORT,
        "loanId,borrowerName,borrowerPhone,phone\r\nL-1,张三,13812345678,x\r\n".getBytes()), 400,
        "phone", "borrowerIdNumber", "vehiclePlate", "priorOverdueCount");
    assertThat(problem.get("errors").get(0).get("row").asLong()).isEqualTo(1);

    assertProblem(api.postCsv("loansys", IMPORT, new byte[0]), 400, "file");
    List<String> twice = new ArrayList<>(CaseCsv.COLUMNS);
    twice.add("loanId");
    assertProblem(api.postCsv("loansys", IMPORT, (String.join(",", twice) + "\r\n").getBytes()), 400, "loanId");
  }

  @Test
  void malformedCsvIsABadRequestWithItsRow() {
    String prefix = prefix();
    byte[] file = new CaseCsv().row(prefix + 0, 0).line(prefix + 1 + ",\"unclosed,13812345678").bytes();

    JsonNode problem = assertProblem(api.postCsv("loansys", IMPORT, file), 400, "row");
    assertThat(problem.get("errors").get(0).get("row").asLong()).isEqualTo(3);

    byte[] ragged = new CaseCsv().row(prefix + 0, 0).line(prefix + 1 + ",张三").bytes();
    assertProblem(api.postCsv("loansys", IMPORT, ragged), 400, "row");
    assertThat(casesLike(prefix)).isZero();
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedRowByRow() {
    String prefix = prefix();
    String text = new String(new CaseCsv().rows(2, n -> prefix + n).bytes(), java.nio.charset.StandardCharsets.UTF_8);

    JsonNode problem = assertProblem(api.postCsv("loansys", IMPORT, text.getBytes(Charset.forName("GBK"))), 400,
        "borrowerName", "vehiclePlate");
    assertThat(problem.get("errors").get(0).get("message").asText()).contains("UTF-8");
    assertThat(casesLike(prefix)).isZero();
  }

  @Test
  void moreThanTheMostRowsIsRefused() {
    String prefix = prefix();
    byte[] file = new CaseCsv().rows(100_001, n -> prefix + n).bytes();

    JsonNode problem = assertProblem(api.postCsv("loansys", IMPORT, file), 400, "file");
    assertThat(problem.get("errors").get(0).get("row").asLong()).isEqualTo(100_002);
    assertThat(casesLike(prefix)).isZero();
  }

  @Test
  void onlyTheLoanSystemAndSupervisorsImport() {
    String prefix = prefix();
    byte[] file = new CaseCsv().rows(2, n -> prefix + n).bytes();

    assertProblem(api.postCsv("agent1", IMPORT, file), 403);
    assertProblem(api.postCsv("legal1", IMPORT, file), 403);
    assertProblem(api.postCsv(null, IMPORT, file), 401);
    assertThat(casesLike(prefix)).isZero();
  }

  private static String prefix() {
    return newLoanId() + "-";
  }

  private int casesLike(String prefix) {
    return jdbc.queryForObject("select count(*) from loan_case where loan_id like ?", Integer.class, prefix + "%");
  }
}
