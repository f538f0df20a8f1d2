package com.carloan.overdue.modelchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.cluster.AppNode;
import com.carloan.overdue.cluster.PostgresAvailable;
import com.carloan.overdue.cluster.PostgresTestDatabase;
import com.carloan.overdue.privacy.ResidentIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node on PostgreSQL killed with SIGKILL while it migrates running cases to a new version, then started again:
 * the migration finishes on its own, every case is on the new version once, none failed, none is duplicated.
 * On PostgreSQL, the production database: the embedded H2 file, killed the same way, came back once in four runs
 * with an index of ACT_RU_JOB that lost a row ("Row … not found in primary index"), and its job executor could
 * acquire nothing after that. That is H2's crash recovery, not the migration's (issue of the embedded default).
 */
@PostgresAvailable.Needed
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MigrationRestartIT {

  private static final Logger log = LoggerFactory.getLogger(MigrationRestartIT.class);
  private static final int CASES = 1_000;
  private static final String HEADER = "loanId,borrowerName,borrowerPhone,borrowerIdNumber,vehiclePlate,vehicleVin,"
      + "vehicleStatus,overdueAmount,outstandingPrincipal,daysPastDue,priorOverdueCount\n";

  private final Path dir = Path.of("target", "migration-it", UUID.randomUUID().toString());
  private final ObjectMapper json = new ObjectMapper();
  private AppNode app;

  @Test
  void aMigrationKilledMidWayFinishesAfterTheRestartWithEveryCaseMovedOnce() throws Exception {
    // the killed node's jobs are free again after 10 s instead of the production 2 minutes
    String database = PostgresTestDatabase.create();
    try (AppNode node = AppNode.start("migrating", AppNode.builtJar(), dir, Map.of(
        "COLLECTIONS_DB_URL", PostgresTestDatabase.url(database),
        "COLLECTIONS_DB_USER", PostgresTestDatabase.user(),
        "COLLECTIONS_DB_PASSWORD", PostgresTestDatabase.password()), List.of("--spring.profiles.active=postgres",
        "--camunda.bpm.job-execution.lock-time-in-millis=10000", "--collections.allocation.capacity=100000"))) {
      app = node;
      killMidWayAndRestart(database);
    } finally {
      PostgresTestDatabase.drop(database);
    }
  }

  private void killMidWayAndRestart(String database) throws Exception {
    app.awaitHealthy(Duration.ofMinutes(4));
    HttpResponse<String> imported = app.post("/api/cases/import", "loansys", "text/csv", csv(), Duration.ofMinutes(5));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    awaitNoExecutableJobs(Duration.ofMinutes(3));

    HttpResponse<String> deployed = deploy(nextVersion());
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    JsonNode versions = json.readTree(app.get("/api/process-versions", "owner1").body());
    int from = versions.get(0).get("version").asInt();
    int to = versions.get(versions.size() - 1).get("version").asInt();
    assertThat(versions.get(0).get("runningCases").asInt()).isEqualTo(CASES);
    JsonNode waitingBefore = versions.get(0).get("activities");

    HttpResponse<String> started = app.post("/api/process-versions/migrations", "owner1", "application/json",
        "{\"fromVersion\": " + from + ", \"toVersion\": " + to + ", \"dryRun\": false}", Duration.ofMinutes(1));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json.readTree(started.body()).get("migrationId").asText();
    int movedBeforeKill;
    do {
      Thread.sleep(50);
      movedBeforeKill = status(id).get("migrated").asInt();
    } while (movedBeforeKill == 0);
    app.kill();
    log.info("killed with {} of {} cases moved", movedBeforeKill, CASES);
    assertThat(movedBeforeKill).as("the kill came before the end").isLessThan(CASES);

    app.restart();
    app.awaitHealthy(Duration.ofMinutes(4));
    JsonNode done = status(id);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (done.get("status").asText().equals("RUNNING") && System.nanoTime() < deadline) {
      Thread.sleep(500);
      done = status(id);
    }
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(done.get("migrated").asInt()).isEqualTo(CASES);
    assertThat(done.get("failed")).isEmpty();
    JsonNode after = json.readTree(app.get("/api/process-versions", "owner1").body());
    assertThat(after.get(0).get("runningCases").asInt()).isZero();
    assertThat(after.get(after.size() - 1).get("runningCases").asInt()).isEqualTo(CASES);
    assertThat(after.get(after.size() - 1).get("activities")).as("every case waits where it waited")
        .isEqualTo(waitingBefore);
    app.stop();

    try (Connection db = DriverManager.getConnection(PostgresTestDatabase.url(database), PostgresTestDatabase.user(),
        PostgresTestDatabase.password())) {
      assertThat(count(db, "select count(*) from act_hi_procinst")).as("one history per case").isEqualTo(CASES);
      assertThat(count(db, "select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
          + "where e.parent_id_ is null and d.version_ = " + to)).isEqualTo(CASES);
      assertThat(count(db, "select count(*) from act_ru_incident")).isZero();
      assertThat(count(db, "select count(*) from case_ownership where closed_at is null")).isEqualTo(CASES);
    }
  }

  private JsonNode status(String id) throws IOException {
    HttpResponse<String> response = app.get("/api/process-versions/migrations/" + id, "owner1");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private void awaitNoExecutableJobs(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (json.readTree(app.get("/engine-rest/job/count?executable=true", "admin").body()).get("count").asInt() == 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the cases' first steps did not finish in " + timeout);
  }

  /** As Camunda Modeler deploys: multipart to /engine-rest/deployment/create, as a process owner. */
  private HttpResponse<String> deploy(String bpmn) {
    String boundary = "----model" + UUID.randomUUID();
    String body = part(boundary, "deployment-name", null, "car-loan-overdue")
        + part(boundary, "deployment-source", null, "Camunda Modeler")
        + part(boundary, "data", "car-loan-overdue.bpmn", bpmn)
        + "--" + boundary + "--\r\n";
    return app.post("/engine-rest/deployment/create", "owner1", "multipart/form-data; boundary=" + boundary, body,
        Duration.ofMinutes(1));
  }

  private static String part(String boundary, String name, String filename, String content) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream")
        + "\r\n\r\n" + content + "\r\n";
  }

  /** One changed element: the call is renamed. */
  private static String nextVersion() throws IOException {
    try (InputStream in = MigrationRestartIT.class.getClassLoader().getResourceAsStream("processes/car-loan-overdue.bpmn")) {
      String bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return bpmn.replace("name=\"Call the borrower ", "name=\"Call the borrower (v2) ");
    }
  }

  private static int count(Connection db, String sql) throws SQLException {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** WeChat-contact cases (more than 7 days, fewer than 3 earlier episodes), in every bucket. */
  private static String csv() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < CASES; i++) {
      String body = "310104" + (19700101 + (i % 28)) + String.format("%03d", i % 1000);
      csv.append(String.join(",", "M-" + String.format("%05d", i), "借款人" + i, String.format("137%08d", i),
          body + ResidentIds.checkDigit(body), "沪C" + String.format("%05d", i), "LSVAU2180N2" + String.format("%06d", i),
          "NORMAL", "8500.00", "96000.00", Integer.toString(10 + i % 60), Integer.toString(i % 3))).append('\n');
    }
    return csv.toString();
  }
}
