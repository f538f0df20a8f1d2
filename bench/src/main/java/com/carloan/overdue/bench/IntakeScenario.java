package com.carloan.overdue.bench;

import com.carloan.overdue.intake.CaseIntake;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The intake scenario (rows 10–13): opening cases as an integration does, each way beside the engine's floor
 * in the same run. Four phases of {@code cases} each, one after the other on one database:
 * <ol>
 *   <li>the HTTP floor: one-task process starts ({@code benchFloor}, start → user task) through
 *       {@code POST /engine-rest/process-definition/key/benchFloor/start}, by {@link #CLIENTS} clients at once;</li>
 *   <li>single {@code POST /api/cases} by the loan system, by as many clients with the same HTTP client, until
 *       every case waits at its first task or timer (its async steps done);</li>
 *   <li>one CSV of as many rows, until every case waits;</li>
 *   <li>the in-process floor: the same one-task starts through the Java API inside the application.</li>
 * </ol>
 * For each: the wall time, the application's and the database server's CPU, and the rows each case or instance
 * leaves in the database (every table counted before and after) and, on PostgreSQL, the rows it inserted (the
 * server's own counter, which also counts the rows deleted again, such as a job's).
 */
final class IntakeScenario {

  /** The integration's parallelism: as many clients at once against the floor and against POST /api/cases. */
  static final int CLIENTS = 4;
  /**
   * How long a reading of PostgreSQL's insert counter waits: a server process reports its counts once it has been
   * idle for a moment, at the latest 10 s after its last statement. BenchmarkSmokeTest, which does not compare the
   * counter, sets the system property {@value #INSERT_COUNTER_WAIT} to 0.
   */
  static final String INSERT_COUNTER_WAIT = "bench.insertCounterWaitMillis";

  /** What one phase cost. */
  static final class Phase {
    final String name;
    int count;
    long answeredMillis;
    long millis;
    CpuMeter.Reading cpu;
    /** Rows the phase left, by table. */
    final Map<String, Long> rowsHeld = new TreeMap<>();
    /** Rows the phase inserted (PostgreSQL's pg_stat_user_tables.n_tup_ins), -1 where not known. */
    long rowsInserted = -1;
    int refused;

    Phase(String name) {
      this.name = name;
    }

    double perSecond() {
      return millis == 0 ? 0 : count * 1000.0 / millis;
    }

    double rowsHeldPer() {
      return count == 0 ? 0 : rowsHeld.values().stream().mapToLong(Long::longValue).sum() / (double) count;
    }

    double rowsInsertedPer() {
      return count == 0 || rowsInserted < 0 ? -1 : rowsInserted / (double) count;
    }

    /** Application + database CPU milliseconds per case or instance; -1 when not measured. */
    double cpuPer() {
      if (cpu == null || cpu.application() <= 0 || count == 0) {
        return -1;
      }
      return (cpu.application() + Math.max(0, cpu.database())) / (double) count;
    }
  }

  static final class IntakeFigures {
    final Phase httpFloor = new Phase("HTTP floor");
    final Phase post = new Phase("POST /api/cases");
    final Phase csv = new Phase("CSV");
    final Phase floor = new Phase("in-process floor");
    int floorThreads;
    int floorBatchSize;
    boolean postgres;
    JsonNode afterPost;
    JsonNode afterCsv;

    List<Phase> phases() {
      return List.of(httpFloor, post, csv, floor);
    }
  }

  private final BenchmarkDriver.Config config;
  private final BenchClient http;
  private final CpuMeter cpu;
  private final BenchFigures figures;
  private final IntakeFigures f = new IntakeFigures();

  IntakeScenario(BenchmarkDriver.Config config, BenchClient http, CpuMeter cpu, BenchFigures figures) {
    this.config = config;
    this.http = http;
    this.cpu = cpu;
    this.figures = figures;
    figures.intake = f;
  }

  void run() throws Exception {
    f.postgres = "postgres".equals(figures.settings.path("database").asText());
    http.json(http.postJson(BenchmarkDriver.ADMIN, "/bench/floor/deploy", Map.of()), "deploy the floor");
    int n = config.cases();
    // A few of each first, not counted: the first calls of each path load classes, parse expressions and fill
    // caches that every later call finds ready.
    warmUp(Math.max(CLIENTS, Math.min(50, n / 20)));

    measure(f.httpFloor, 0, () -> clients(f.httpFloor, n, i -> http.postJson(BenchmarkDriver.ADMIN,
        "/engine-rest/process-definition/key/" + EngineFloor.PROCESS_KEY + "/start",
        Map.of("businessKey", "HF" + config.runId() + "-" + i))));

    BenchBorrowers posted = new BenchBorrowers("P" + config.runId() + "-", 1_000_000, BenchBorrowers.Mix.DAILY_LIST);
    long casesBefore = cases();
    measure(f.post, casesBefore + n, () -> clients(f.post, n, i -> http.postJson(BenchmarkDriver.LOAN_SYSTEM,
        "/api/cases", body(posted.intake(i)))));
    f.afterPost = BenchmarkDriver.waitForEngine(http, figures, (int) (casesBefore + n), "POST /api/cases");

    BenchBorrowers listed = new BenchBorrowers("C" + config.runId() + "-", 2_000_000, BenchBorrowers.Mix.DAILY_LIST);
    byte[] file = csv(listed, n);
    measure(f.csv, casesBefore + 2L * n, () -> {
      JsonNode result = http.json(http.post(BenchmarkDriver.LOAN_SYSTEM, "/api/cases/import", "text/csv",
          BenchClient.JSON, file), "import");
      f.csv.count = result.path("imported").asInt();
      f.csv.refused = result.path("skipped").size();
    });
    f.afterCsv = BenchmarkDriver.waitForEngine(http, figures, (int) (casesBefore + 2L * n), "CSV");

    measure(f.floor, 0, () -> {
      JsonNode floor = http.json(http.postJson(BenchmarkDriver.ADMIN, "/bench/floor?instances=" + n, Map.of()),
          "floor");
      f.floorThreads = floor.path("threads").asInt();
      f.floorBatchSize = floor.path("batchSize").asInt();
      f.floor.count = n;
    });
    for (Phase p : f.phases()) {
      log(p.name + ": " + p.count + " in " + p.millis + " ms, rows held by table " + largest(p.rowsHeld));
    }
  }

  private void warmUp(int n) throws Exception {
    log("intake: warming up with " + n + " of each");
    Phase ignored = new Phase("warm-up");
    clients(ignored, n, i -> http.postJson(BenchmarkDriver.ADMIN,
        "/engine-rest/process-definition/key/" + EngineFloor.PROCESS_KEY + "/start", Map.of("businessKey", "WF-" + i)));
    BenchBorrowers warm = new BenchBorrowers("W" + config.runId() + "-", 3_000_000, BenchBorrowers.Mix.DAILY_LIST);
    clients(ignored, n, i -> http.postJson(BenchmarkDriver.LOAN_SYSTEM, "/api/cases", body(warm.intake(i))));
    http.json(http.post(BenchmarkDriver.LOAN_SYSTEM, "/api/cases/import", "text/csv", BenchClient.JSON,
        csv(new BenchBorrowers("V" + config.runId() + "-", 4_000_000, BenchBorrowers.Mix.DAILY_LIST), n)), "warm-up");
    http.json(http.postJson(BenchmarkDriver.ADMIN, "/bench/floor?instances=" + n, Map.of()), "warm-up floor");
    BenchmarkDriver.waitForEngine(http, figures, 0, "warm-up");
  }

  interface Work {
    void run() throws Exception;
  }

  /**
   * Runs one phase: its wall time until {@code cases} cases exist and no job is left (0: when the work returns),
   * its CPU, and the rows it left and inserted.
   */
  private void measure(Phase phase, long cases, Work work) throws Exception {
    log("intake: " + phase.name + ", " + config.cases());
    Map<String, Long> rows0 = rowsByTable();
    long inserted0 = rowsInserted();
    CpuMeter.Reading cpu0 = cpu.read();
    long t0 = System.nanoTime();
    work.run();
    phase.answeredMillis = BenchmarkDriver.millisSince(t0);
    if (cases > 0) {
      BenchmarkDriver.waitForEngine(http, figures, (int) cases, phase.name);
    }
    phase.millis = BenchmarkDriver.millisSince(t0);
    phase.cpu = cpu.read().since(cpu0);
    rowsByTable().forEach((table, now) -> {
      long added = now - rows0.getOrDefault(table, 0L);
      if (added != 0) {
        phase.rowsHeld.put(table, added);
      }
    });
    long inserted = rowsInserted();
    phase.rowsInserted = inserted < 0 || inserted0 < 0 ? -1 : inserted - inserted0;
    log("intake: " + phase.name + ": " + phase.count + " in " + phase.millis + " ms (answered after "
        + phase.answeredMillis + " ms), " + phase.refused + " refused");
  }

  /** {@code n} calls by {@link #CLIENTS} clients in a closed loop; each 2xx counts, anything else is an error. */
  private void clients(Phase phase, int n, IntFunction<BenchClient.Response> call) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(clients.submit(() -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            BenchClient.Response answer = call.apply(i);
            if (answer.ok()) {
              ok.incrementAndGet();
            } else {
              refused.incrementAndGet();
              figures.error(phase.name + " #" + i + ": HTTP " + answer.status() + " " + answer.body());
            }
          }
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      clients.shutdownNow();
      clients.awaitTermination(1, TimeUnit.MINUTES);
    }
    phase.count = ok.get();
    phase.refused = refused.get();
  }

  /** The contract's intake body (CONTRACT §2). */
  private static Map<String, Object> body(CaseIntake c) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("loanId", c.loanId());
    body.put("borrower", Map.of("name", c.borrower().name(), "phone", c.borrower().phone(),
        "idNumber", c.borrower().idNumber()));
    body.put("vehicle", Map.of("plate", c.vehicle().plate(), "vin", c.vehicle().vin(), "status", c.vehicle().status()));
    body.put("overdueAmount", c.overdueAmount());
    body.put("outstandingPrincipal", c.outstandingPrincipal());
    body.put("daysPastDue", c.daysPastDue());
    body.put("priorOverdueCount", c.priorOverdueCount());
    return body;
  }

  private static byte[] csv(BenchBorrowers borrowers, int n) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(file, StandardCharsets.UTF_8)) {
      borrowers.writeCsv(n, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toByteArray();
  }

  private long cases() {
    return http.json(http.get(BenchmarkDriver.ADMIN, "/bench/state"), "state").path("cases").asLong();
  }

  private Map<String, Long> rowsByTable() {
    Map<String, Long> rows = new TreeMap<>();
    http.json(http.get(BenchmarkDriver.ADMIN, "/bench/rows"), "rows").path("held").fields()
        .forEachRemaining(e -> rows.put(e.getKey(), e.getValue().asLong()));
    return rows;
  }

  /** PostgreSQL's count of inserted rows, all tables, once the server processes reported theirs; -1 on H2. */
  private long rowsInserted() throws InterruptedException {
    if (!f.postgres) {
      return -1;
    }
    Thread.sleep(Long.getLong(INSERT_COUNTER_WAIT, 11_000));
    return http.json(http.get(BenchmarkDriver.ADMIN, "/bench/rows"), "rows").path("inserted").asLong(-1);
  }

  /** The tables with the most rows, largest first: "act_hi_varinst 13, …". */
  private static String largest(Map<String, Long> rows) {
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(rows.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    StringBuilder out = new StringBuilder();
    for (Iterator<Map.Entry<String, Long>> it = sorted.iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> e = it.next();
      out.append(e.getKey()).append(' ').append(e.getValue());
      if (it.hasNext()) {
        out.append(", ");
      }
    }
    return out.toString();
  }

  private static void log(String line) {
    BenchmarkDriver.log(line);
  }
}
