package com.carloan.overdue.bench;

import static com.carloan.overdue.process.CaseVariables.PROCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.context.NestedTestConfiguration.EnclosingConfiguration;

/**
 * bench/run.sh in small, so it cannot rot: the same driver against the application with the {@code bench}
 * profile, on a database of its own, with the job executor running as in production. A few hundred cases
 * instead of 20,000; the targets are not asserted here (a test machine's speed is not the product's), what
 * every figure stands on is.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:bench-smoke;DB_CLOSE_DELAY=-1",
    "collections.scheduling.enabled=false",
    "collections.demo-users=true",
    "logging.level.com.carloan.overdue.intake.CaseIntakeService=warn"})
@ActiveProfiles(resolver = BenchmarkSmokeTest.WithBenchProfile.class)
class BenchmarkSmokeTest {

  static final int CASES = 300;
  static final int OPEN_TASKS = 700;
  static final int COMPLETIONS = 40;
  static final int CLOSED = 300;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  @Test
  void theBenchmarkMeasuresWhatItClaimsAtAFewHundredCases() throws Exception {
    BenchFigures f = new BenchmarkDriver(new BenchmarkDriver.Config("http://localhost:" + port, CASES, OPEN_TASKS, 20,
        5, COMPLETIONS, CLOSED, "smoke", ProcessHandle.current().pid())).run();

    // 1. every imported case waits at its first task or timer: the file's mix is 30 escalations, 90
    //    reminders, 180 WeCom contacts, and no job is left or failed
    assertThat(f.imported).isEqualTo(CASES);
    assertThat(f.afterIntake.path("executableJobs").asLong()).isZero();
    assertThat(f.afterIntake.path("failedJobs").asLong()).isZero();
    assertThat(f.afterIntake.path("tasksByKey").path("callBorrower").asLong()).isEqualTo(180);
    assertThat(f.afterIntake.path("tasksByKey").path("reviewEscalation").asLong()).isEqualTo(30);
    assertThat(f.afterIntake.path("timers").asLong()).isEqualTo(90);
    assertThat(f.intakeMillis).isGreaterThanOrEqualTo(f.importAnsweredMillis).isPositive();

    // 2. the floor started its instances, each at its task
    assertThat(f.floorInstances).isEqualTo(CASES);
    assertThat(f.floorMillis).isPositive();
    assertThat(f.floorThreads).isPositive();

    // 3. the Tasklist was filled to size with real cases, and the queue agent1 sees is exactly the open
    //    calls (the imported ones and the top-up's); its first page carries the filter's variables
    assertThat(f.openTasks).isGreaterThanOrEqualTo(OPEN_TASKS);
    assertThat(f.toppedUp).isEqualTo(OPEN_TASKS - 180 - 30 - CASES);
    // agent1's Collection queue is team M1's pool: its unowned calls (the bench profile's capacity leaves
    //    all but one case per demo agent unowned)
    assertThat(f.filterCount).isGreaterThan(0).isLessThanOrEqualTo(180 + f.toppedUp);
    assertThat(f.filterFirstPage).hasSize(15).allSatisfy(id -> assertThat(history.createHistoricTaskInstanceQuery()
        .taskId(id).singleResult().getTaskDefinitionKey()).isEqualTo("callBorrower"));
    assertThat(f.filterList.count()).isEqualTo(20);
    assertThat(f.filterCountCall.count()).isEqualTo(20);

    // 4. the agents completed their calls without errors, and each of those cases went on to wait for the
    //    borrower's WeCom add
    assertThat(f.errors).as("%s", f.errorSamples).isZero();
    assertThat(f.completedInstances).hasSize(COMPLETIONS).doesNotHaveDuplicates();
    for (String pi : f.completedInstances) {
      assertThat(runtime.getActiveActivityIds(pi)).as("case %s", pi).containsExactly("awaitWeChatAdd");
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi).taskDefinitionKey("callBorrower")
          .finished().singleResult().getAssignee()).startsWith("benchagent");
    }
    assertThat(f.complete.count()).isEqualTo(COMPLETIONS);

    // 6. the dashboard was computed over the written closed cases and the run's open ones
    assertThat(f.dashboardClosedCases).isEqualTo(CLOSED);
    assertThat(f.dashboardOpenCases).isEqualTo(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .count());
    assertThat(f.dashboardRecompute.count()).isGreaterThanOrEqualTo(3);
    assertThat(f.dashboardRecompute.percentile(50)).isPositive();

    // the CPU behind the figures: the application is this test's process, and the machine's cores did at
    //    least its work (and the database server's, when it is PostgreSQL)
    assertThat(f.agentsCpu.application()).isPositive();
    assertThat(f.agentsCpu.machine()).isGreaterThanOrEqualTo(f.agentsCpu.application() * 9 / 10);
    if (System.getProperty("spring.profiles.active", "").contains("postgres")) {
      assertThat(f.agentsCpu.database()).isPositive();
      assertThat(f.agentsCpu.machine()).isGreaterThanOrEqualTo((f.agentsCpu.application() + f.agentsCpu.database()) * 9 / 10);
    } else {
      assertThat(f.agentsCpu.database()).isEqualTo(-1);
    }
    assertThat(f.intakeCpu.application()).isPositive();

    // the table names every figure with its target

    assertThat(f.table()).contains("1 intake", "2 engine floor", "intake / floor", "3 Tasklist", "4 agents",
        "6 dashboard", "p95 ≤ 100 ms", "p95 ≤ 200 ms", "≤ 500 ms", "CPU per completed call", "CPU per case");
    List<ProcessInstance> imported = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKeyLike("Ismoke-%").list();
    assertThat(imported).hasSize(CASES);
  }

  /**
   * The ownership scenario (SCENARIO=ownership bench/run.sh) in small, in an application of its own started as
   * bench/run.sh starts it for that scenario: the capacity on the command line (here: 20 open cases per agent),
   * 6 agents (2 per team), 10 unowned calls per team: 3 × (2 × 20 + 10) = 150 cases, and as many floor tasks.
   */
  @Nested
  @NestedTestConfiguration(EnclosingConfiguration.OVERRIDE)
  @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
      "spring.datasource.url=jdbc:h2:mem:bench-ownership-smoke;DB_CLOSE_DELAY=-1",
      "collections.scheduling.enabled=false",
      "collections.demo-users=true",
      "collections.allocation.capacity=" + Ownership.CAPACITY,
      "logging.level.com.carloan.overdue.intake.CaseIntakeService=warn"})
  @ActiveProfiles(resolver = BenchmarkSmokeTest.WithBenchProfile.class)
  class Ownership {

    static final int CAPACITY = 20;
    static final int OWNERS = 6;
    static final int POOL = 10;
    static final int COMPLETIONS = 20;
    static final int SAMPLES = 10;

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired TaskService tasks;

    @Test
    void everyAgentSeesExactlyTheCasesTheyOwnAndThePoolTheUnownedOnes() throws Exception {
      BenchFigures f = new BenchmarkDriver(BenchmarkDriver.Config.ownership("http://localhost:" + port, SAMPLES, 3,
          COMPLETIONS, OWNERS, POOL, "own", ProcessHandle.current().pid())).run();
      OwnershipScenario.OwnershipFigures o = f.ownership;
      assertThat(f.errors).as("%s", f.errorSamples).isZero();

      // the fill: real cases, every one allocated by the product to a team, its agents at capacity, the rest pooled
      assertThat(o.capacity).isEqualTo(CAPACITY);
      assertThat(o.agentsByTeam).containsExactly(Map.entry("team-m1", 2), Map.entry("team-m2", 2),
          Map.entry("team-m3", 2));
      assertThat(o.afterFill.path("failedJobs").asLong()).isZero();
      assertThat(o.afterFill.path("tasksByKey").path("callBorrower").asLong()).isEqualTo(3 * (2 * CAPACITY + POOL));
      JsonNode owned = o.state.path("ownedOpenTasks");
      assertThat(owned.size()).isEqualTo(OWNERS);
      for (int i = 1; i <= OWNERS; i++) {
        assertThat(owned.path(String.format("benchagent%03d", i)).asLong()).as("agent %d", i).isEqualTo(CAPACITY);
        assertThat(o.state.path("floorAssigned").path(String.format("flooragent%03d", i)).asLong()).isEqualTo(CAPACITY);
      }
      for (String team : OwnershipScenario.TEAMS) {
        assertThat(o.state.path("poolByTeam").path(team).asLong()).as(team).isEqualTo(POOL);
        // the engine's candidate group query sees the ownership rows' pool (after the agents took some)
        assertThat(tasks.createTaskQuery().taskCandidateGroup(team).taskDefinitionKey("callBorrower").count())
            .as("the engine's pool of %s", team).isEqualTo(o.finalState.path("poolByTeam").path(team).asLong());
      }
      assertThat(o.state.path("floorPool").asLong()).isEqualTo(3 * POOL);

      // 7a. My tasks: every agent's count, twice, is the open tasks of the cases they own; pages are theirs
      assertThat(o.countMismatches).isEmpty();
      assertThat(o.countsChecked).isEqualTo(2 * OWNERS);
      assertThat(o.ownPageSize).isEqualTo(15);
      assertThat(o.ownList.count()).isEqualTo(SAMPLES);
      assertThat(o.floorOwnList.count()).isEqualTo(SAMPLES);
      assertThat(o.ownCount.count()).isEqualTo(SAMPLES);

      // 8. supervisor1's Collection queue: every team's unowned calls, less those the agents took meanwhile
      int taken = SAMPLES + Math.max(5, SAMPLES / 10);
      assertThat(o.pooledTaken).isEqualTo(taken);
      assertThat(o.poolSize).isEqualTo(3L * POOL - taken).isEqualTo(o.pooledTasks(o.afterPools));
      assertThat(o.afterPools.path("poolByEngine").asLong()).isEqualTo(o.poolSize);
      assertThat(o.floorPoolSize).isEqualTo(3L * POOL - taken);
      assertThat(o.poolList.count()).isEqualTo(SAMPLES);
      assertThat(o.floorPoolCount.count()).isEqualTo(SAMPLES);

      // 9. the agents completed their own calls; each case went on to wait for the WeCom add
      assertThat(o.completed).hasSize(COMPLETIONS).doesNotHaveDuplicates();
      assertThat(o.floorCompleted).isEqualTo(COMPLETIONS);
      assertThat(o.complete.count()).isEqualTo(COMPLETIONS);
      for (String pi : o.completed) {
        assertThat(runtime.getActiveActivityIds(pi)).as("case %s", pi).containsExactly("awaitWeChatAdd");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi).taskDefinitionKey("callBorrower")
            .finished().singleResult().getAssignee()).startsWith("benchagent");
      }
      assertThat(f.table()).contains("7 ownership", "7a \"My tasks\"", "8 \"Collection queue\"", "9 agents",
          "p95 ≤ 25 ms", "p95 ≤ 100 ms", "p95 ≤ 200 ms", " | ");
    }
  }

  /**
   * The intake scenario (SCENARIO=intake bench/run.sh) in small: 30 one-task starts through /engine-rest, 30 cases
   * by POST /api/cases, a CSV of 30 rows and 30 one-task starts in the application, after a warm-up of 4 of each.
   */
  @Nested
  @NestedTestConfiguration(EnclosingConfiguration.OVERRIDE)
  @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
      "spring.datasource.url=jdbc:h2:mem:bench-intake-smoke;DB_CLOSE_DELAY=-1",
      "collections.scheduling.enabled=false",
      "collections.demo-users=true",
      "logging.level.com.carloan.overdue.intake.CaseIntakeService=warn"})
  @ActiveProfiles(resolver = BenchmarkSmokeTest.WithBenchProfile.class)
  class Intake {

    static final int N = 30;

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;

    @Test
    void eachWayOfOpeningCasesIsCountedBesideTheFloorInRateCpuAndRows() throws Exception {
      BenchFigures f;
      System.setProperty(IntakeScenario.INSERT_COUNTER_WAIT, "0");
      try {
        f = new BenchmarkDriver(BenchmarkDriver.Config.intake("http://localhost:" + port, N, "in",
            ProcessHandle.current().pid())).run();
      } finally {
        System.clearProperty(IntakeScenario.INSERT_COUNTER_WAIT);
      }
      IntakeScenario.IntakeFigures i = f.intake;
      assertThat(f.errors).as("%s", f.errorSamples).isZero();

      // every phase did all of its work, and no case's step is left to run
      for (IntakeScenario.Phase p : i.phases()) {
        assertThat(p.count).as(p.name).isEqualTo(N);
        assertThat(p.refused).as(p.name).isZero();
        assertThat(p.millis).as(p.name).isPositive();
        assertThat(p.cpu.application()).as(p.name).isPositive();
      }
      assertThat(i.afterCsv.path("executableJobs").asLong()).isZero();
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("Pin-%").count()).isEqualTo(N);
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("Cin-%").count()).isEqualTo(N);
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("HFin-%").count()).isEqualTo(N);

      // the rows each phase left are its own: one process instance each, one case row per case, one task per floor
      // instance; a case leaves more rows than a floor instance
      assertThat(i.post.rowsHeld).containsEntry("loan_case", (long) N).containsEntry("act_hi_procinst", (long) N);
      assertThat(i.csv.rowsHeld).containsEntry("loan_case", (long) N).containsEntry("act_hi_procinst", (long) N);
      for (IntakeScenario.Phase floor : List.of(i.httpFloor, i.floor)) {
        assertThat(floor.rowsHeld).as(floor.name).containsEntry("act_ru_task", (long) N)
            .containsEntry("act_hi_procinst", (long) N).doesNotContainKey("loan_case");
      }
      assertThat(i.post.rowsHeldPer()).isGreaterThan(i.floor.rowsHeldPer());
      assertThat(i.csv.rowsHeldPer()).isGreaterThan(i.floor.rowsHeldPer());
      if (i.postgres) {
        assertThat(i.post.rowsInserted).isNotNegative();
      } else {
        assertThat(i.post.rowsInserted).isEqualTo(-1);
      }

      assertThat(f.table()).contains("10 HTTP floor", "11 POST /api/cases", "12 CSV", "13 in-process floor",
          "/ HTTP floor", "≥ 0.80", "CPU per case", "rows held per case", "≤ 3 ×");
    }
  }

  /** The profiles of the run (postgres in the PostgreSQL pass of ./mvnw verify) and bench. */
  static final class WithBenchProfile implements ActiveProfilesResolver {
    @Override
    public String[] resolve(Class<?> testClass) {
      List<String> profiles = new ArrayList<>(Arrays.stream(System.getProperty("spring.profiles.active", "").split(","))
          .map(String::trim).filter(p -> !p.isEmpty()).toList());
      profiles.add("bench");
      return profiles.toArray(String[]::new);
    }
  }
}
