package com.carloan.overdue.bench;

import static com.carloan.overdue.process.CaseVariables.PROCESS_KEY;

import com.carloan.overdue.identity.GroupAuthority;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the benchmark driver cannot do through the product's own API: start the engine's floor in the
 * application's JVM, fill the Tasklist to size, write the closed cases of the dashboard's figure, and
 * read the engine's progress without authorization checks. Administrators only, profile {@code bench} only.
 */
@RestController
@RequestMapping("/bench")
@Profile("bench")
@Secured(GroupAuthority.ADMIN)
class BenchController {

  /** The task keys whose open tasks the state reports: the cases' first waits, the floor's task. */
  private static final List<String> TASK_KEYS = List.of("callBorrower", "reviewEscalation", "reviewAssessment",
      "verifyBorrower", "negotiatePlan", "floorTask");

  private final EngineFloor floor;
  private final CaseTopUp topUp;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final ProcessEngineConfiguration engine;
  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final Environment environment;

  BenchController(EngineFloor floor, CaseTopUp topUp, RuntimeService runtime, TaskService tasks,
      ManagementService management, RepositoryService repository, ProcessEngine engine, JdbcTemplate jdbc,
      DataSource dataSource, Environment environment) {
    this.floor = floor;
    this.topUp = topUp;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.engine = engine.getProcessEngineConfiguration();
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.environment = environment;
  }

  /** The settings the figures depend on, printed above the table. */
  @GetMapping("/settings")
  Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("database", engine.getDatabaseType());
    s.put("historyLevel", engine.getHistory());
    s.put("importLanes", importLanes());
    s.put("importBatchSize", importBatchSize());
    s.put("jobExecutorThreads", environment.getProperty("camunda.bpm.job-execution.max-pool-size"));
    s.put("jobsPerAcquisition", environment.getProperty("camunda.bpm.job-execution.max-jobs-per-acquisition"));
    s.put("jobQueue", environment.getProperty("camunda.bpm.job-execution.queue-capacity"));
    // unwrapped: on H2 the pool sits inside common.H2ReadRetry
    HikariDataSource hikari = DataSourceUnwrapper.unwrap(dataSource, HikariDataSource.class);
    s.put("connectionPool", hikari == null ? null : hikari.getMaximumPoolSize());
    s.put("allocationCapacity", environment.getProperty("collections.allocation.capacity", Integer.class, 500));
    s.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    s.put("cores", Runtime.getRuntime().availableProcessors());
    return s;
  }

  /** Starts the floor's instances; answers when all of them wait at their task. */
  @PostMapping("/floor")
  Map<String, Object> floor(@RequestParam int instances, @RequestParam(required = false) Integer threads,
      @RequestParam(required = false) Integer batchSize) throws InterruptedException {
    int t = threads == null ? importLanes() : threads;
    int b = batchSize == null ? importBatchSize() : batchSize;
    long millis = floor.start(instances, t, b);
    return Map.of("instances", instances, "threads", t, "batchSize", b, "millis", millis);
  }

  /** Deploys the floor's one-task process, for the intake scenario's starts through /engine-rest. */
  @PostMapping("/floor/deploy")
  Map<String, Object> deployFloor() {
    floor.deploy();
    return Map.of("processDefinitionKey", EngineFloor.PROCESS_KEY);
  }

  /**
   * The rows of every table of the schema ({@code held}, counted), and on PostgreSQL the rows inserted into them
   * since the server's statistics were reset ({@code inserted}, pg_stat_user_tables; -1 on H2).
   */
  @GetMapping("/rows")
  Map<String, Object> rows() {
    Map<String, Long> held = new java.util.TreeMap<>();
    for (String table : jdbc.queryForList("select table_name from information_schema.tables"
        + " where table_schema = current_schema() and table_type in ('BASE TABLE', 'TABLE')", String.class)) {
      held.put(table.toLowerCase(java.util.Locale.ROOT),
          jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
    }
    long inserted = "postgres".equals(engine.getDatabaseType())
        ? jdbc.queryForObject("select coalesce(sum(n_tup_ins), 0) from pg_stat_user_tables"
            + " where schemaname = current_schema()", Long.class)
        : -1;
    return Map.of("held", held, "inserted", inserted);
  }

  /** Opens WeCom-contact cases until, once their first job ran, this many tasks are open. */
  @PostMapping("/top-up")
  Map<String, Object> topUp(@RequestParam int openTasks, @RequestParam String loanPrefix,
      @RequestParam(required = false) Integer threads) throws InterruptedException {
    long t0 = System.nanoTime();
    int opened = topUp.toOpenTasks(openTasks, loanPrefix, threads == null ? importLanes() : threads,
        importBatchSize());
    return Map.of("opened", opened, "millis", (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * The ownership scenario's cases: {@code count} WeCom-contact cases for each team named (team-m1=17300&…),
   * opened by the intake service with allocation running as in production; answers when they are opened (their
   * first job, the WeCom request that leads to callBorrower, may still be queued).
   */
  @PostMapping("/ownership/cases")
  Map<String, Object> ownedCases(@RequestParam Map<String, String> params) throws InterruptedException {
    Map<String, Integer> byTeam = new LinkedHashMap<>();
    params.forEach((name, value) -> {
      if (name.startsWith("team-")) {
        byTeam.put(name, Integer.valueOf(value));
      }
    });
    int threads = params.containsKey("threads") ? Integer.parseInt(params.get("threads")) : 2;
    long t0 = System.nanoTime();
    topUp.ownedCalls(byTeam, params.get("loanPrefix"), threads, importBatchSize());
    return Map.of("opened", byTeam, "millis", (System.nanoTime() - t0) / 1_000_000);
  }

  /** The ownership scenario's floor tasks and filters (see {@link EngineFloor#startOwned}). */
  record FloorSpec(List<EngineFloor.Team> teams, List<String> readers, String supervisorGroup, Integer threads) {
  }

  @PostMapping("/ownership/floor")
  Map<String, Object> ownedFloor(@RequestBody FloorSpec spec) throws InterruptedException {
    long millis = floor.startOwned(spec.teams(), spec.supervisorGroup(), spec.threads() == null ? 2 : spec.threads(),
        importBatchSize());
    return Map.of("millis", millis, "filters", floor.ensureFilters(spec.readers()));
  }

  /**
   * What the ownership scenario's queues must show, read from the ownership rows and the engine's tables without
   * authorization checks: each owner's open agent tasks of the cases they own, each team's agent tasks of
   * unowned cases, the same by the engine's own assignee and candidate group, and the floor's tasks by assignee
   * and pool.
   */
  @GetMapping("/ownership/state")
  Map<String, Object> ownershipState(@RequestParam(defaultValue = "collection-supervisor") String supervisorGroup) {
    String agentTasks = "'callBorrower', 'verifyBorrower', 'negotiatePlan'";
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("ownedOpenTasks", counts("select o.owner, count(*) from case_ownership o join ACT_RU_TASK t"
        + " on t.PROC_INST_ID_ = o.process_instance_id where o.closed_at is null and o.owner is not null"
        + " and t.TASK_DEF_KEY_ in (" + agentTasks + ") group by o.owner"));
    s.put("poolByTeam", counts("select o.team, count(*) from case_ownership o join ACT_RU_TASK t"
        + " on t.PROC_INST_ID_ = o.process_instance_id where o.closed_at is null and o.owner is null"
        + " and t.TASK_DEF_KEY_ in (" + agentTasks + ") group by o.team"));
    s.put("assignedByEngine", counts("select ASSIGNEE_, count(*) from ACT_RU_TASK where ASSIGNEE_ is not null"
        + " and TASK_DEF_KEY_ in (" + agentTasks + ") group by ASSIGNEE_"));
    s.put("poolByEngine", tasks.createTaskQuery().taskCandidateGroup(supervisorGroup)
        .taskDefinitionKeyIn("callBorrower", "verifyBorrower", "negotiatePlan").count());
    s.put("floorAssigned", counts("select ASSIGNEE_, count(*) from ACT_RU_TASK where ASSIGNEE_ is not null"
        + " and TASK_DEF_KEY_ = '" + EngineFloor.TASK_KEY + "' group by ASSIGNEE_"));
    s.put("floorPool", tasks.createTaskQuery().taskUnassigned().taskDefinitionKey(EngineFloor.TASK_KEY).count());
    s.put("openTasks", tasks.createTaskQuery().count());
    return s;
  }

  private Map<String, Long> counts(String sql) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.query(sql, row -> {
      counts.put(row.getString(1), row.getLong(2));
    });
    return counts;
  }

  /** Writes closed cases' records and history for the dashboard's figure (see {@link CaseHistory}). */
  @PostMapping("/closed-cases")
  Map<String, Object> closedCases(@RequestParam int count, @RequestParam String loanPrefix) {
    long t0 = System.nanoTime();
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult().getId();
    CaseHistory history = new CaseHistory(jdbc, definitionId, loanPrefix, Instant.now(), 42);
    for (int from = 0; from < count; from += 2_000) {
      history.generate(from, Math.min(2_000, count - from), true);
    }
    history.continueIdsAfterGenerated();
    return Map.of("closed", count, "millis", (System.nanoTime() - t0) / 1_000_000);
  }

  /** How far the engine is: cases and floor instances, jobs still to run, open tasks by step. */
  @GetMapping("/state")
  Map<String, Object> state() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("executableJobs", management.createJobQuery().executable().count());
    s.put("failedJobs", management.createJobQuery().noRetriesLeft().count());
    s.put("cases", runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count());
    s.put("floorInstances", floor.instances());
    s.put("timers", management.createJobQuery().timers().count());
    s.put("openTasks", tasks.createTaskQuery().count());
    Map<String, Long> byKey = new LinkedHashMap<>();
    for (String key : TASK_KEYS) {
      byKey.put(key, tasks.createTaskQuery().taskDefinitionKey(key).count());
    }
    s.put("tasksByKey", byKey);
    s.put("closedCases", jdbc.queryForObject("select count(*) from loan_case where closed_at is not null", Long.class));
    return s;
  }

  /** The CSV import's parallel lanes, which the floor's threads match. */
  private int importLanes() {
    return environment.getProperty("collections.import.lanes", Integer.class, 2);
  }

  private int importBatchSize() {
    return environment.getProperty("collections.import.batch-size", Integer.class, 200);
  }
}
