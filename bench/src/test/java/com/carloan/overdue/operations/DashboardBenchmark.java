package com.carloan.overdue.operations;

import static com.carloan.overdue.process.CaseVariables.PROCESS_KEY;

import com.carloan.overdue.bench.CaseHistory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How fast the dashboard's data call and the metrics are at 100,000 closed and 20,000 open cases. Not
 * part of {@code ./mvnw verify} (the class name matches no test pattern); run with bench/dashboard-kpi.sh:
 *
 * <pre>./mvnw test -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.db=postgres]</pre>
 *
 * {@link CaseHistory} writes rows straight into a throwaway database (an H2 file under target/, or a
 * PostgreSQL database on 127.0.0.1:5432 with a random name that is dropped afterwards): the
 * application's tables, the engine's activity and decision history and its runtime tables, shaped like
 * the cases the process leaves behind. bench/run.sh measures the same call in the running application,
 * beside the real open cases of its run (row 6 of its table).
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "collections.scheduling.enabled=false"})
class DashboardBenchmark {

  static final int CLOSED = Integer.getInteger("bench.closed", 100_000);
  static final int OPEN = Integer.getInteger("bench.open", 20_000);
  static final boolean POSTGRES = "postgres".equals(System.getProperty("bench.db"));
  /** An H2 database a previous run generated (path without .mv.db): measured again without generating. */
  static final String REUSE_H2 = System.getProperty("bench.h2");
  static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
  static final String DB = "kpi_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws SQLException {
    if (POSTGRES) {
      try (Connection c = DriverManager.getConnection(PG_ADMIN, "postgres", "")) {
        c.createStatement().execute("create database " + DB);
      }
      registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/" + DB);
      registry.add("spring.datasource.username", () -> "postgres");
      registry.add("spring.datasource.password", () -> "");
    } else {
      String file = REUSE_H2 != null ? REUSE_H2 : "./target/kpi-bench/" + DB;
      // H2 would otherwise answer a repeated query from its result cache while no table changes, which a
      // running application (timers, tasks) never has: every measured call must do the work.
      registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=FALSE");
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (POSTGRES) {
      try (Connection c = DriverManager.getConnection(PG_ADMIN, "postgres", "")) {
        c.createStatement().execute("drop database if exists " + DB + " with (force)");
      }
    }
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repository;
  @Autowired Dashboard dashboard;
  @Autowired MetricsSnapshots metrics;
  @Autowired EngineFigures engine;
  @Autowired CaseFigures cases;
  @Autowired ProcessModel model;

  final Instant now = Instant.now();
  CaseHistory history;

  @Test
  void dashboardDataAtScale() {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion()
        .singleResult().getId();
    history = new CaseHistory(jdbc, definitionId, "B-", now, 42);
    long t0 = System.nanoTime();
    boolean generated = jdbc.queryForObject("select count(*) from loan_case", Long.class) >= CLOSED + OPEN;
    for (int from = 0; !generated && from < CLOSED; from += 5_000) {
      history.generate(from, Math.min(5_000, CLOSED - from), true);
    }
    for (int from = 0; !generated && from < OPEN; from += 5_000) {
      history.generate(CLOSED + from, Math.min(5_000, OPEN - from), false);
    }
    if (POSTGRES) {
      jdbc.execute("vacuum analyze"); // as autovacuum leaves a live database: index-only scans need it
    }
    System.out.printf("BENCH generated %d closed + %d open cases in %d s (%s)%n", CLOSED, OPEN,
        (System.nanoTime() - t0) / 1_000_000_000, POSTGRES ? "PostgreSQL" : "H2 file");
    report("ACT_HI_ACTINST rows", jdbc.queryForObject("select count(*) from ACT_HI_ACTINST", Long.class));

    Instant since = now.minus(30, ChronoUnit.DAYS);
    var events = ProcessEvents.counted(model.facts().escalationReasonByEndEvent());
    time("- activity ends in window", () -> engine.endedActivities(events, since));
    time("- open cases by stage", engine::openCasesByStage);
    time("- queues", () -> engine.queues(now, java.util.Map.of("callBorrower", java.time.Duration.ofHours(8))));
    time("- closed per day", () -> cases.closedPerDay(since));
    time("- open totals and repaid", () -> {
      cases.openTotals();
      cases.repaidOnOpenCases();
    });
    time("dashboard data (uncached)", dashboard::compute);
    time("dashboard data call (served)", dashboard::data);
    time("- activity ends ever", () -> engine.endedActivities(events, null));
    time("- assessments", engine::assessments);
    time("- case totals and recovered", () -> {
      cases.totals();
      cases.recovered();
      cases.closedByOutcome();
    });
    time("metrics snapshot (uncached)", metrics::refresh);
    DashboardData d = dashboard.compute();
    System.out.printf("BENCH figures: open %d, funnel %s, closed in window %d, recovery %.3f, promises %s, contact %s%n",
        d.open().cases(), d.funnel().stream().map(s -> s.stage() + "=" + s.cases()).toList(), d.outcomes().cases(),
        d.outcomes().recoveryRate(), d.promises(), d.contact());
  }

  private void time(String what, Runnable call) {
    long first = System.nanoTime();
    call.run(); // warm-up: JIT and the database's caches
    first = (System.nanoTime() - first) / 1_000_000;
    long[] ms = new long[7];
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      call.run();
      ms[i] = (System.nanoTime() - t) / 1_000_000;
    }
    Arrays.sort(ms);
    System.out.printf("BENCH %-30s median %5d ms, max %5d ms, first call %5d ms%n", what, ms[ms.length / 2],
        ms[ms.length - 1], first);
  }

  private static void report(String what, long n) {
    System.out.printf("BENCH %-30s %,d%n", what, n);
  }
}
