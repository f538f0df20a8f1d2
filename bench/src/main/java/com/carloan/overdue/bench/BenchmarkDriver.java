package com.carloan.overdue.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures a running application (profile {@code bench}) over HTTP, as its users meet it: the loan
 * system's CSV import, Tasklist's Collection queue, agents working calls, a supervisor's dashboard. Run by
 * bench/run.sh against the jar and by BenchmarkSmokeTest, at a few hundred cases, in {@code ./mvnw verify}:
 *
 * <pre>java -Dloader.main=com.carloan.overdue.bench.BenchmarkDriver -Dloader.path=bench.jar -cp app.jar \
 *     org.springframework.boot.loader.launch.PropertiesLauncher url=http://localhost:18100 cases=20000 …</pre>
 */
public final class BenchmarkDriver {

  static final String COLLECTION_QUEUE = "Collection queue · 催收队列";
  static final String ADMIN = "admin";
  static final String LOAN_SYSTEM = "loansys";
  static final String AGENT = "agent1";
  static final String SUPERVISOR = "supervisor1";

  /**
   * What to run. Sizes default to the full benchmark's: 20,000 cases imported and as many floor instances, 50,000
   * open tasks, 200 samples per Tasklist call, 20 agents completing 1,000 calls, 100,000 closed cases.
   */
  record Config(String url, int cases, int openTasks, int samples, int agents, int completions, int closedCases,
      String runId, Long appPid, String scenario, int owners, int poolPerTeam) {

    /** The classic scenario (rows 1–6). */
    Config(String url, int cases, int openTasks, int samples, int agents, int completions, int closedCases,
        String runId, Long appPid) {
      this(url, cases, openTasks, samples, agents, completions, closedCases, runId, appPid, "classic", 100, 300);
    }

    /** The ownership scenario: {@code owners} agents in three teams, {@code poolPerTeam} unowned calls per team. */
    static Config ownership(String url, int samples, int agents, int completions, int owners, int poolPerTeam,
        String runId, Long appPid) {
      return new Config(url, 0, 0, samples, agents, completions, 0, runId, appPid, "ownership", owners, poolPerTeam);
    }

    /** The intake scenario: {@code cases} by each way of opening them, and as many floor instances each way. */
    static Config intake(String url, int cases, String runId, Long appPid) {
      return new Config(url, cases, 0, 0, 0, 0, 0, runId, appPid, "intake", 0, 0);
    }

    static Config parse(String... args) {
      Map<String, String> a = new java.util.HashMap<>();
      for (String arg : args) {
        int eq = arg.indexOf('=');
        a.put(arg.substring(0, eq), arg.substring(eq + 1));
      }
      return new Config(a.getOrDefault("url", "http://localhost:8080"),
          Integer.parseInt(a.getOrDefault("cases", "20000")), Integer.parseInt(a.getOrDefault("openTasks", "50000")),
          Integer.parseInt(a.getOrDefault("samples", "200")), Integer.parseInt(a.getOrDefault("agents", "20")),
          Integer.parseInt(a.getOrDefault("completions", "1000")),
          Integer.parseInt(a.getOrDefault("closed", "100000")),
          a.getOrDefault("runId", Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36)),
          a.containsKey("appPid") ? Long.valueOf(a.get("appPid")) : null, a.getOrDefault("scenario", "classic"),
          Integer.parseInt(a.getOrDefault("owners", "100")), Integer.parseInt(a.getOrDefault("pool", "300")));
    }
  }

  private final Config config;
  private final BenchClient http;
  private CpuMeter cpu;
  private final BenchFigures figures = new BenchFigures();

  BenchmarkDriver(Config config) {
    this.config = config;
    this.http = new BenchClient(config.url());
  }

  /**
   * {@code url=… cases=… openTasks=… samples=… agents=… completions=… closed=… [appPid=…] [out=figures.tsv]}:
   * with the application's process id, the figures include the CPU time it spent per phase.
   */
  public static void main(String[] args) throws Exception {
    Config config = Config.parse(args);
    BenchFigures figures = new BenchmarkDriver(config).run();
    String out = java.util.Arrays.stream(args).filter(a -> a.startsWith("out=")).map(a -> a.substring(4))
        .findFirst().orElse(null);
    if (out != null) {
      Files.writeString(Path.of(out), figures.tsv(), StandardCharsets.UTF_8);
    }
    System.out.println();
    System.out.print(figures.table());
  }

  BenchFigures run() throws Exception {
    figures.settings = http.json(http.get(ADMIN, "/bench/settings"), "bench settings");
    log("settings " + figures.settings);
    cpu = new CpuMeter(config.appPid(),
        "postgres".equals(figures.settings.path("database").asText()) ? "postgres" : null);
    if ("ownership".equals(config.scenario())) {
      new OwnershipScenario(config, http, cpu, figures).run();
      return figures;
    }
    if ("intake".equals(config.scenario())) {
      new IntakeScenario(config, http, cpu, figures).run();
      return figures;
    }
    if (!"classic".equals(config.scenario())) {
      throw new IllegalArgumentException("scenario " + config.scenario() + ": classic, ownership or intake");
    }
    intake();
    floor();
    topUp();
    tasklist();
    agents();
    dashboard();
    return figures;
  }

  // 1. The loan system imports a day's list; done when every case waits at its first task or timer.
  private void intake() {
    BenchBorrowers borrowers = new BenchBorrowers("I" + config.runId() + "-", 0, BenchBorrowers.Mix.DAILY_LIST);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(file, StandardCharsets.UTF_8)) {
      borrowers.writeCsv(config.cases(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    log("intake: importing " + config.cases() + " cases (" + file.size() / 1024 + " KB of CSV)");
    CpuMeter.Reading cpu0 = cpu.read();
    long t0 = System.nanoTime();
    JsonNode result = http.json(http.post(LOAN_SYSTEM, "/api/cases/import", "text/csv", BenchClient.JSON,
        file.toByteArray()), "import");
    figures.importAnsweredMillis = millisSince(t0);
    figures.imported = result.path("imported").asInt();
    log("intake: import answered after " + figures.importAnsweredMillis + " ms, " + figures.imported + " opened");
    figures.afterIntake = waitForEngine(config.cases(), "intake");
    figures.intakeMillis = millisSince(t0);
    figures.intakeCpu = cpu.read().since(cpu0);
    log("intake: every case waits after " + figures.intakeMillis + " ms: " + figures.afterIntake);
  }

  // 2. The same number of minimal instances through the Java API, same threads and transaction size.
  private void floor() {
    log("floor: starting " + config.cases() + " instances");
    CpuMeter.Reading cpu0 = cpu.read();
    JsonNode floor = http.json(http.postJson(ADMIN, "/bench/floor?instances=" + config.cases(), Map.of()), "floor");
    figures.floorMillis = floor.path("millis").asLong();
    figures.floorThreads = floor.path("threads").asInt();
    figures.floorBatchSize = floor.path("batchSize").asInt();
    figures.floorCpu = cpu.read().since(cpu0);
    figures.floorInstances = http.json(http.get(ADMIN, "/bench/state"), "state").path("floorInstances").asLong();
    log("floor: " + figures.floorInstances + " instances in " + figures.floorMillis + " ms");
  }

  // 3a. More real cases until the Tasklist holds the size asked for.
  private void topUp() {
    long t0 = System.nanoTime();
    JsonNode topUp = http.json(http.postJson(ADMIN, "/bench/top-up?openTasks=" + config.openTasks() + "&loanPrefix=T"
        + config.runId() + "-", Map.of()), "top-up");
    figures.toppedUp = topUp.path("opened").asInt();
    log("top-up: " + figures.toppedUp + " cases opened in " + topUp.path("millis").asLong() + " ms");
    JsonNode state = waitForEngine(config.cases() + figures.toppedUp, "top-up");
    figures.topUpMillis = millisSince(t0);
    figures.openTasks = state.path("openTasks").asLong();
    log("top-up: " + figures.openTasks + " open tasks after " + figures.topUpMillis + " ms: " + state);
  }

  // 3b. Tasklist as agent1 opens the Collection queue: its first page, sorted, and its count.
  private void tasklist() {
    String filterId = null;
    for (JsonNode filter : http.json(http.get(AGENT, "/engine-rest/filter?resourceType=Task"), "filters")) {
      if (COLLECTION_QUEUE.equals(filter.path("name").asText())) {
        filterId = filter.path("id").asText();
      }
    }
    if (filterId == null) {
      throw new IllegalStateException(AGENT + " cannot read the filter " + COLLECTION_QUEUE);
    }
    String list = "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";
    String count = "/engine-rest/filter/" + filterId + "/count";
    int warmUp = Math.max(5, config.samples() / 10);
    CpuMeter.Reading cpu0 = null;
    for (int i = 0; i < warmUp + config.samples(); i++) {
      // Between two page loads a colleague claims a call, as a room of agents does all day: the tasks
      // changed, so no database answers the next page from a cached result.
      colleagueClaimsACall(i);
      if (i == warmUp) {
        cpu0 = cpu.read();
      }
      boolean measured = i >= warmUp;
      long t = System.nanoTime();
      // Tasklist asks for HAL: the page with the filter's variables, assignees and definitions embedded
      JsonNode page = http.json(http.postJson(AGENT, list, Map.of(), BenchClient.HAL_JSON), "filter list");
      if (measured) {
        figures.filterList.add(System.nanoTime() - t);
      }
      List<String> ids = new ArrayList<>();
      page.path("_embedded").path("task").forEach(task -> ids.add(task.path("id").asText()));
      figures.filterFirstPage = ids;
      t = System.nanoTime();
      JsonNode n = http.json(http.get(AGENT, count), "filter count");
      if (measured) {
        figures.filterCountCall.add(System.nanoTime() - t);
      }
      figures.filterCount = n.path("count").asLong();
    }
    figures.tasklistCpu = cpu0 == null ? null : cpu.read().since(cpu0);
    log("tasklist: " + figures.filterCount + " tasks in the queue; list " + figures.filterList + ", count "
        + figures.filterCountCall);
  }

  private void colleagueClaimsACall(int i) {
    JsonNode call = http.json(http.get(ADMIN, "/engine-rest/task?taskDefinitionKey=callBorrower&unassigned=true"
        + "&maxResults=1&firstResult=" + i), "an unclaimed call");
    if (!call.isEmpty()) {
      http.postJson(ADMIN, "/engine-rest/task/" + call.get(0).path("id").asText() + "/claim", Map.of("userId", "agent2"));
    }
  }

  // 4. Agents claim and complete callBorrower tasks at once, as a room of them does.
  private void agents() throws Exception {
    List<String> agents = new ArrayList<>();
    for (int i = 1; i <= config.agents(); i++) {
      agents.add(String.format("benchagent%02d", i));
    }
    agents.forEach(this::ensureAgent);
    figures.agents = agents.size();
    AtomicInteger reserved = new AtomicInteger();
    List<String> completed = Collections.synchronizedList(new ArrayList<>());
    ExecutorService room = Executors.newFixedThreadPool(agents.size());
    CpuMeter.Reading cpu0 = cpu.read();
    long t0 = System.nanoTime();
    try {
      List<Future<?>> shifts = new ArrayList<>();
      for (String agent : agents) {
        shifts.add(room.submit(() -> work(agent, reserved, completed)));
      }
      for (Future<?> shift : shifts) {
        shift.get();
      }
    } finally {
      room.shutdownNow();
      room.awaitTermination(1, TimeUnit.MINUTES);
    }
    figures.agentsMillis = millisSince(t0);
    figures.agentsCpu = cpu.read().since(cpu0);
    figures.completedInstances = List.copyOf(completed);
    log("agents: " + completed.size() + " calls completed in " + figures.agentsMillis + " ms; complete "
        + figures.complete + ", claim " + figures.claim + ", " + figures.claimConflicts + " claim conflicts, "
        + figures.errors + " errors");
  }

  /** Works calls until the room has reserved all completions; a call lost to another agent frees its slot. */
  private void work(String agent, AtomicInteger reserved, List<String> completed) {
    String callFields = "taskDefinitionKey=callBorrower&unassigned=true&maxResults=1&firstResult=";
    while (reserved.incrementAndGet() <= config.completions()) {
      if (figures.errors() > 10 + config.completions() / 10) {
        log(agent + ": too many errors, stopping");
        break;
      }
      // Agents pick from the top of the queue, not all the same task.
      int offset = ThreadLocalRandom.current().nextInt(config.agents() * 3);
      long t = System.nanoTime();
      JsonNode found;
      try {
        found = http.json(http.get(agent, "/engine-rest/task?" + callFields + offset), "find a call");
        if (found.isEmpty() && offset > 0) {
          found = http.json(http.get(agent, "/engine-rest/task?" + callFields + 0), "find a call");
        }
      } catch (IllegalStateException failed) {
        // an answer other than 200 (e.g. 500 when the application ran out of database connections): an
        // error of the run, counted and shown in the table; the agent tries again
        figures.error(failed.getMessage());
        reserved.decrementAndGet();
        continue;
      }
      figures.find.add(System.nanoTime() - t);
      if (found.isEmpty()) {
        log(agent + ": no unclaimed call left");
        reserved.decrementAndGet();
        return;
      }
      String taskId = found.get(0).path("id").asText();
      t = System.nanoTime();
      BenchClient.Response claim = http.postJson(agent, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", agent));
      figures.claim.add(System.nanoTime() - t);
      if (!claim.ok()) {
        if (takenByAnother(taskId, agent)) {
          figures.claimConflict();
        } else {
          figures.error("claim " + taskId + ": HTTP " + claim.status() + " " + claim.body());
        }
        reserved.decrementAndGet();
        continue;
      }
      Map<String, Object> variables = callOutcome();
      t = System.nanoTime();
      BenchClient.Response done = http.postJson(agent, "/engine-rest/task/" + taskId + "/complete",
          Map.of("variables", variables));
      figures.complete.add(System.nanoTime() - t);
      if (!done.ok()) {
        figures.error("complete " + taskId + ": HTTP " + done.status() + " " + done.body());
        reserved.decrementAndGet();
        continue;
      }
      completed.add(found.get(0).path("processInstanceId").asText());
    }
    reserved.decrementAndGet();
  }

  /**
   * Another agent claimed the task first (Camunda answers 500 "already claimed"), or claimed and completed
   * it (then it is gone, or its authorizations went with it: 404 or 403).
   */
  private boolean takenByAnother(String taskId, String agent) {
    BenchClient.Response task = http.get(ADMIN, "/engine-rest/task/" + taskId);
    if (task.status() == 404) {
      return true;
    }
    JsonNode assignee = http.json(task, "task " + taskId).path("assignee");
    return !assignee.isNull() && !assignee.isMissingNode() && !agent.equals(assignee.asText());
  }

  private void ensureAgent(String id) {
    // agents of team M1, whose pool the benchmark's calls wait in (the bench profile's allocation capacity)
    ensureUser(http, id, List.of("collection-agent", "team-m1"));
  }

  /** Creates the user (password = id) in the groups, unless it exists. */
  static void ensureUser(BenchClient http, String id, List<String> groups) {
    if (http.get(ADMIN, "/engine-rest/user/" + id + "/profile").ok()) {
      return;
    }
    http.json(http.postJson(ADMIN, "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", id, "firstName", "Bench", "lastName", id, "email", id + "@bench.example"),
        "credentials", Map.of("password", id))), "create " + id);
    for (String group : groups) {
      BenchClient.Response member = http.put(ADMIN, "/engine-rest/group/" + group + "/members/" + id);
      if (!member.ok()) {
        throw new IllegalStateException("add " + id + " to " + group + ": HTTP " + member.status());
      }
    }
  }

  // 6. The supervisors' dashboard with a closed-case history behind it.
  private void dashboard() {
    long t0 = System.nanoTime();
    http.json(http.postJson(ADMIN, "/bench/closed-cases?count=" + config.closedCases() + "&loanPrefix=H"
        + config.runId() + "-", Map.of()), "closed cases");
    figures.closedCasesMillis = millisSince(t0);
    log("dashboard: " + config.closedCases() + " closed cases written in " + figures.closedCasesMillis + " ms");
    long t = System.nanoTime();
    JsonNode data = http.json(http.get(SUPERVISOR, "/dashboard/data"), "dashboard data");
    figures.dashboardFirstMillis = millisSince(t);
    figures.dashboardOpenCases = data.path("open").path("cases").asLong();
    figures.dashboardClosedCases = config.closedCases();
    int rounds = Math.max(3, Math.min(10, config.samples() / 20));
    for (int i = 0; i < rounds; i++) {
      double[] before = dashboardTimer();
      t = System.nanoTime();
      http.json(http.get(SUPERVISOR, "/dashboard/data"), "dashboard data");
      figures.dashboardServed.add(System.nanoTime() - t);
      double[] after = before;
      for (long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); after[0] <= before[0]
          && System.nanoTime() < until; ) {
        sleep(20);
        after = dashboardTimer();
      }
      figures.dashboardRecompute.add((long) ((after[1] - before[1]) * 1e9));
    }
    log("dashboard: first call " + figures.dashboardFirstMillis + " ms, recompute " + figures.dashboardRecompute
        + ", served " + figures.dashboardServed);
  }

  /** The dashboard's computation timer: {count, total seconds}. */
  private double[] dashboardTimer() {
    JsonNode metric = http.json(http.get(ADMIN, "/actuator/metrics/collections.kpi.query?tag="
        + URLEncoder.encode("figures:dashboard", StandardCharsets.UTF_8)), "dashboard timer");
    double[] v = new double[2];
    for (JsonNode m : metric.path("measurements")) {
      if ("COUNT".equals(m.path("statistic").asText())) {
        v[0] = m.path("value").asDouble();
      } else if ("TOTAL_TIME".equals(m.path("statistic").asText())) {
        v[1] = m.path("value").asDouble();
      }
    }
    return v;
  }

  /** Polls until no job is left to run and at least {@code cases} cases exist. @return the state then */
  private JsonNode waitForEngine(int cases, String phase) {
    return waitForEngine(http, figures, cases, phase);
  }

  static JsonNode waitForEngine(BenchClient http, BenchFigures figures, int cases, String phase) {
    long lastProgress = System.nanoTime();
    long lastJobs = -1;
    while (true) {
      JsonNode state = http.json(http.get(ADMIN, "/bench/state"), "state");
      long jobs = state.path("executableJobs").asLong();
      if (jobs == 0 && state.path("cases").asLong() >= cases) {
        if (state.path("failedJobs").asLong() > 0) {
          figures.error(phase + ": " + state.path("failedJobs").asLong() + " jobs failed");
        }
        return state;
      }
      if (jobs != lastJobs) {
        lastJobs = jobs;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > TimeUnit.MINUTES.toNanos(10)) {
        throw new IllegalStateException(phase + ": no progress for 10 minutes: " + state);
      }
      sleep(1000);
    }
  }

  /** What the callBorrower form submits: half the borrowers agree to add WeCom, half do not answer. */
  static Map<String, Object> callOutcome() {
    boolean agreed = ThreadLocalRandom.current().nextBoolean();
    return Map.of(
        "contactResult", Map.of("value", agreed ? "AGREED_TO_ADD" : "NOT_REACHED", "type", "String"),
        "callNotes", Map.of("value", agreed ? "借款人同意添加企业微信 agreed to add WeCom" : "无人接听 no answer",
            "type", "String"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  static void log(String line) {
    System.out.printf("%tT bench %s%n", System.currentTimeMillis(), line);
  }
}
