package com.carloan.overdue.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.carloan.overdue.cluster.AppNode;
import com.carloan.overdue.privacy.ResidentIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default (H2 file under ./data) killed with SIGKILL in the middle of a CSV import, started
 * again, and the same file imported again: every loan has exactly one case, each with its process instance.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ImportRestartIT {

  private static final Logger log = LoggerFactory.getLogger(ImportRestartIT.class);
  /** Two lanes (collections.import.lanes) of about 600 rows each: three batches per lane. */
  private static final int ROWS = 1200;
  /** collections.import.batch-size: the cases one transaction of the import opens. */
  private static final int BATCH = 200;
  private static final String HEADER = "loanId,borrowerName,borrowerPhone,borrowerIdNumber,vehiclePlate,vehicleVin,"
      + "vehicleStatus,overdueAmount,outstandingPrincipal,daysPastDue,priorOverdueCount\n";

  private final Path dir = Path.of("target", "restart-it", UUID.randomUUID().toString());
  private AppNode app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aReImportAfterACrashMidImportLeavesEveryLoanWithExactlyOneCase() throws Exception {
    String csv = csv();
    app = AppNode.start("embedded", AppNode.builtJar(), dir, Map.of(), List.of());
    app.awaitHealthy(Duration.ofMinutes(4));

    assumeTrue(app.post("/api/cases/import", "loansys", "text/csv", HEADER, Duration.ofSeconds(30)).statusCode() != 404,
        "this build has no CSV import API (POST /api/cases/import) yet");
    long t0 = System.nanoTime();
    CompletableFuture<Void> firstImport = CompletableFuture.runAsync(() -> importFile(csv));
    // The import runs on two lanes, one per group of teams, and the rows' teams alternate through the file
    // (daysPastDue 10–69: M1, M2, M3), so each lane takes about every other row. The loan in the middle of the
    // file is then about the 300th row of its lane, in that lane's second batch: once it is visible, both lanes'
    // first batches were committed a batch's time ago.
    String marker = loanId(ROWS / 2);
    while (app.get("/api/cases/" + marker, "supervisor1").statusCode() != 200) {
      assertThat(firstImport).as("the import ended before the kill").isNotDone();
      Thread.sleep(200);
    }
    app.kill();
    log.info("killed {} s into the import", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
    assertThat(firstImport).failsWithin(Duration.ofSeconds(30));

    app.restart();
    app.awaitHealthy(Duration.ofMinutes(4));
    HttpResponse<String> again = importFile(csv);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    JsonNode result = new ObjectMapper().readTree(again.body());
    int imported = result.path("imported").asInt();
    int skipped = result.path("skipped").size();
    log.info("re-import: {} opened, {} skipped as already open", imported, skipped);
    // The embedded H2 writes a commit to its file within about a second, so the batch committed just
    // before the kill may be gone; the one before it is not. The re-import opens whatever is missing.
    assertThat(skipped).as("cases the crashed import had committed").isGreaterThanOrEqualTo(BATCH);
    assertThat(imported).as("cases the crash left out").isPositive();
    assertThat(imported + skipped).isEqualTo(ROWS);
    app.kill();

    try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("data/collections"),
        "sa", "")) {
      assertThat(count(db, "select count(*) from loan_case")).isEqualTo(ROWS);
      assertThat(count(db, "select count(distinct loan_id) from loan_case")).isEqualTo(ROWS);
      assertThat(count(db, "select count(*) from act_hi_procinst")).isEqualTo(ROWS);
      assertThat(count(db, "select count(distinct business_key_) from act_hi_procinst")).isEqualTo(ROWS);
      assertThat(count(db, "select count(*) from loan_case c join act_hi_procinst p on p.id_ = c.process_instance_id "
          + "and p.business_key_ = c.loan_id")).as("each case with its own process instance").isEqualTo(ROWS);
    }
  }

  private HttpResponse<String> importFile(String csv) {
    return app.post("/api/cases/import", "loansys", "text/csv", csv, Duration.ofMinutes(8));
  }

  private static int count(Connection db, String sql) throws SQLException {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String loanId(int i) {
    return "R-" + String.format("%05d", i);
  }

  private static String csv() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < ROWS; i++) {
      csv.append(String.join(",", loanId(i), "借款人" + i, String.format("138%08d", i), residentId(i),
          "沪B" + String.format("%05d", i), "LSVAU2180N2" + String.format("%06d", i), "NORMAL", "8500.00", "96000.00",
          Integer.toString(10 + i % 60), Integer.toString(i % 3))).append('\n');
    }
    return csv.toString();
  }

  /** A valid 18-character resident ID (GB 11643 check digit). */
  private static String residentId(int i) {
    String body = "310104" + (19700101 + (i % 28)) + String.format("%03d", i % 1000);
    return body + ResidentIds.checkDigit(body);
  }
}
