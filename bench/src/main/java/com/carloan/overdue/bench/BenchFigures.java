package com.carloan.overdue.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What one benchmark run measured, and its table: figure | measured | target | met? */
final class BenchFigures {

  static final double INTAKE_OVER_FLOOR = 0.5;
  static final long TASKLIST_P95_MS = 100;
  static final long COMPLETE_P95_MS = 200;
  static final long DASHBOARD_MS = 500;
  static final long OWN_QUEUE_P95_MS = 25;
  static final long POOL_P95_MS = 100;
  /** Issue 20's targets: intake at 0.8 of the HTTP floor, a case's CPU and rows at most 3 × a floor instance's. */
  static final double INTAKE_OVER_HTTP_FLOOR = 0.8;
  static final double PER_CASE_OVER_FLOOR = 3.0;

  record Row(String figure, String measured, String target, String met) {}

  JsonNode settings;

  /** The ownership scenario's figures; null in the classic scenario, whose rows are then the table. */
  OwnershipScenario.OwnershipFigures ownership;

  /** The intake scenario's figures; null in the others. */
  IntakeScenario.IntakeFigures intake;

  int imported;
  long importAnsweredMillis;
  long intakeMillis;
  CpuMeter.Reading intakeCpu;
  JsonNode afterIntake;

  long floorInstances;
  long floorMillis;
  int floorThreads;
  int floorBatchSize;
  CpuMeter.Reading floorCpu;

  int toppedUp;
  long topUpMillis;
  long openTasks;

  long filterCount;
  List<String> filterFirstPage = List.of();
  final Latencies filterList = new Latencies();
  final Latencies filterCountCall = new Latencies();
  CpuMeter.Reading tasklistCpu;

  int agents;
  final Latencies find = new Latencies();
  final Latencies claim = new Latencies();
  final Latencies complete = new Latencies();
  long agentsMillis;
  CpuMeter.Reading agentsCpu;
  List<String> completedInstances = List.of();
  int claimConflicts;
  int errors;
  final List<String> errorSamples = new ArrayList<>();

  long closedCasesMillis;
  long dashboardClosedCases;
  long dashboardOpenCases;
  long dashboardFirstMillis;
  final Latencies dashboardRecompute = new Latencies();
  final Latencies dashboardServed = new Latencies();

  synchronized void claimConflict() {
    claimConflicts++;
  }

  synchronized int errors() {
    return errors;
  }

  synchronized void error(String what) {
    errors++;
    if (errorSamples.size() < 5) {
      errorSamples.add(what.length() > 300 ? what.substring(0, 300) : what);
    }
  }

  double intakeRate() {
    return perSecond(imported, intakeMillis);
  }

  double floorRate() {
    return perSecond(floorInstances, floorMillis);
  }

  double completionRate() {
    return perSecond(completedInstances.size(), agentsMillis);
  }

  List<Row> rows() {
    if (ownership != null) {
      return ownershipRows(ownership);
    }
    if (intake != null) {
      return intakeRows(intake);
    }
    List<Row> rows = new ArrayList<>();
    double ratio = floorRate() == 0 ? 0 : intakeRate() / floorRate();
    rows.add(new Row(String.format("1 intake: %,d cases by CSV until each waits at its first task or timer", imported),
        String.format(Locale.ROOT, "%.1f s = %.1f cases/s (import answered at %.1f s)", intakeMillis / 1000.0,
            intakeRate(), importAnsweredMillis / 1000.0),
        "", ""));
    rows.add(new Row(String.format("2 engine floor: %,d start→userTask, %d threads × %d per transaction",
        floorInstances, floorThreads, floorBatchSize),
        String.format(Locale.ROOT, "%.1f s = %.1f instances/s", floorMillis / 1000.0, floorRate()), "", ""));
    rows.add(new Row("  intake / floor", String.format(Locale.ROOT, "%.2f", ratio),
        String.format(Locale.ROOT, "≥ %.2f", INTAKE_OVER_FLOOR), met(ratio >= INTAKE_OVER_FLOOR)));
    if (known(intakeCpu) && known(floorCpu) && imported > 0 && floorInstances > 0) {
      boolean database = intakeCpu.database() >= 0 && floorCpu.database() >= 0;
      double perCase = (double) serverCpu(intakeCpu) / imported;
      double perInstance = (double) serverCpu(floorCpu) / floorInstances;
      rows.add(new Row("  the same by CPU per case / per instance (" + (database ? "application + database" : "application")
          + ")", String.format(Locale.ROOT, "%.2f (%.1f ms / %.2f ms)", perInstance / perCase, perCase, perInstance),
          "", ""));
      rows.add(new Row("  CPU per case: application / database / machine; cores busy",
          cpuPer(intakeCpu, imported), "", ""));
    }
    rows.add(new Row("3 Tasklist: open tasks / in \"Collection queue\" for agent1",
        String.format("%,d / %,d", openTasks, filterCount), "50,000 open", ""));
    rows.add(new Row(String.format("  list (first 15, sorted, HAL) p50 / p95, %d samples", filterList.count()),
        filterList.toString(), "p95 ≤ " + TASKLIST_P95_MS + " ms", met(filterList.percentile(95) <= TASKLIST_P95_MS)));
    rows.add(new Row(String.format("  count p50 / p95, %d samples", filterCountCall.count()), filterCountCall.toString(),
        "p95 ≤ " + TASKLIST_P95_MS + " ms", met(filterCountCall.percentile(95) <= TASKLIST_P95_MS)));
    if (known(tasklistCpu) && filterList.count() > 0) {
      rows.add(new Row("  CPU per list + count + a colleague's claim: application / database / machine",
          cpuPer(tasklistCpu, filterList.count()), "", ""));
    }
    rows.add(new Row(String.format("4 agents: %d claim + complete callBorrower", agents),
        String.format(Locale.ROOT, "%.1f completions/s (%,d done, %d claim conflicts, %d errors)", completionRate(),
            completedInstances.size(), claimConflicts, errors), "", errors == 0 ? "" : "NO"));
    rows.add(new Row("  complete p50 / p95", complete.toString(), "p95 ≤ " + COMPLETE_P95_MS + " ms",
        met(complete.percentile(95) <= COMPLETE_P95_MS)));
    rows.add(new Row("  claim p50 / p95", claim.toString(), "", ""));
    if (known(agentsCpu) && !completedInstances.isEmpty()) {
      rows.add(new Row("  CPU per completed call (find, claim, complete): application / database / machine",
          cpuPer(agentsCpu, completedInstances.size()), "", ""));
    }
    rows.add(new Row("  find a call (task query) p50 / p95", find.toString(), "", ""));
    rows.add(new Row(String.format("6 dashboard data at %,d closed / %,d open cases: recompute p50 / max",
        dashboardClosedCases, dashboardOpenCases),
        dashboardRecompute.percentile(50) + " / " + dashboardRecompute.max() + " ms", "≤ " + DASHBOARD_MS + " ms",
        met(dashboardRecompute.max() <= DASHBOARD_MS)));
    rows.add(new Row("  data call, first (computes) / served p95",
        dashboardFirstMillis + " / " + dashboardServed.percentile(95) + " ms", "", ""));
    return rows;
  }

  /** Rows 7–9, "ours | floor": the same REST call on the product's tasks and on the plain engine's. */
  private List<Row> ownershipRows(OwnershipScenario.OwnershipFigures o) {
    List<Row> rows = new ArrayList<>();
    String teams = String.join("/", o.agentsByTeam.values().stream().map(String::valueOf).toList());
    rows.add(new Row(String.format("7 ownership: open tasks / owned by %d agents (%s per team) / in the pools",
        o.agentsByTeam.values().stream().mapToInt(Integer::intValue).sum(), teams),
        String.format("%,d / %,d / %,d (capacity %d); floor %,d tasks", o.state.path("openTasks").asLong() - floorTasks(o), o.ownedTasks(), o.pooledTasks(o.state),
            o.capacity, floorTasks(o)), "", ""));
    rows.add(new Row("  filled: cases by intake with allocation until each waits at its call / floor tasks",
        String.format(Locale.ROOT, "%.1f s = %.1f cases/s / %.1f s", o.fillMillis / 1000.0,
            perSecond(o.cases, o.fillMillis), o.floorFillMillis / 1000.0), "", ""));
    rows.add(new Row(String.format("7a \"My tasks\" of %d agents: list (first 15, sorted, HAL) p50 / p95, ours | floor",
        o.agentsSampled), o.ownList + " | " + o.floorOwnList, "p95 ≤ " + OWN_QUEUE_P95_MS + " ms",
        met(o.ownList.count() > 0 && o.ownList.percentile(95) <= OWN_QUEUE_P95_MS)));
    rows.add(new Row(String.format("  count p50 / p95, %d samples, ours | floor", o.ownCount.count()),
        o.ownCount + " | " + o.floorOwnCount, "p95 ≤ " + OWN_QUEUE_P95_MS + " ms",
        met(o.ownCount.count() > 0 && o.ownCount.percentile(95) <= OWN_QUEUE_P95_MS)));
    rows.add(new Row("  each agent's count = the open tasks of the cases they own (all agents, twice)",
        String.format("%d of %d", o.countsChecked - o.countMismatches.size(), o.countsChecked), "all",
        met(o.countsChecked > 0 && o.countMismatches.isEmpty())));
    if (known(o.ownQueueCpu) && o.ownList.count() > 0) {
      rows.add(new Row("  CPU per list + count, ours + floor: application / database / machine",
          cpuPer(o.ownQueueCpu, o.ownList.count()), "", ""));
    }
    rows.add(new Row(String.format("8 \"Collection queue\" as supervisor1 | floor pool as manager1 (every team's pool, %,d | %,d left): list p50 / p95",
        o.poolSize, o.floorPoolSize), o.poolList + " | " + o.floorPoolList, "p95 ≤ " + POOL_P95_MS + " ms",
        met(o.poolList.count() > 0 && o.poolList.percentile(95) <= POOL_P95_MS)));
    rows.add(new Row(String.format("  count p50 / p95, %d samples (a call taken from a pool between two), ours | floor",
        o.poolCount.count()), o.poolCount + " | " + o.floorPoolCount, "p95 ≤ " + POOL_P95_MS + " ms",
        met(o.poolCount.count() > 0 && o.poolCount.percentile(95) <= POOL_P95_MS)));
    long unowned = o.pooledTasks(o.afterPools);
    rows.add(new Row("  the pool's count = the open tasks of unowned cases",
        String.format("%,d = %,d", o.poolSize, unowned), "equal", met(o.poolSize == unowned)));
    rows.add(new Row(String.format("9 agents: %d complete their own callBorrower, ours | floor", o.completingAgents),
        String.format(Locale.ROOT, "%.1f | %.1f completions/s (%,d | %,d done, %d errors)",
            perSecond(o.completed.size(), o.completeMillis), perSecond(o.floorCompleted, o.floorCompleteMillis),
            o.completed.size(), o.floorCompleted, errors), "", errors == 0 ? "" : "NO"));
    rows.add(new Row("  complete p50 / p95, ours | floor", o.complete + " | " + o.floorComplete,
        "p95 ≤ " + COMPLETE_P95_MS + " ms", met(o.complete.count() > 0 && o.complete.percentile(95) <= COMPLETE_P95_MS)));
    rows.add(new Row("  find my next call (task query by assignee) p50 / p95, ours | floor", o.find + " | " + o.floorFind,
        "", ""));
    if (known(o.completeCpu) && known(o.floorCompleteCpu) && !o.completed.isEmpty() && o.floorCompleted > 0) {
      rows.add(new Row("  CPU per completion (find, complete), ours: application / database / machine",
          cpuPer(o.completeCpu, o.completed.size()), "", ""));
      rows.add(new Row("  the same, floor", cpuPer(o.floorCompleteCpu, o.floorCompleted), "", ""));
    }
    return rows;
  }

  /** Rows 10–13: each way of opening cases beside the engine's floor, by rate, CPU and rows per case. */
  private List<Row> intakeRows(IntakeScenario.IntakeFigures i) {
    List<Row> rows = new ArrayList<>();
    IntakeScenario.Phase hf = i.httpFloor;
    IntakeScenario.Phase floor = i.floor;
    int clients = IntakeScenario.CLIENTS;
    rows.add(new Row(String.format("10 HTTP floor: %,d one-task starts through /engine-rest, %d clients", hf.count,
        clients), String.format(Locale.ROOT, "%.1f s = %.1f instances/s", hf.millis / 1000.0, hf.perSecond()), "", ""));
    rows.add(new Row(String.format("11 POST /api/cases: %,d cases, %d clients, until each waits at its first task or timer",
        i.post.count, clients), String.format(Locale.ROOT, "%.1f s = %.1f cases/s (all answered at %.1f s)",
        i.post.millis / 1000.0, i.post.perSecond(), i.post.answeredMillis / 1000.0), "", i.post.refused == 0 ? "" : "NO"));
    rows.add(ratioToHttpFloor(i.post, hf));
    rows.add(new Row(String.format("12 CSV: %,d rows in one file, until each waits", i.csv.count),
        String.format(Locale.ROOT, "%.1f s = %.1f cases/s (answered at %.1f s)", i.csv.millis / 1000.0,
            i.csv.perSecond(), i.csv.answeredMillis / 1000.0), "", i.csv.refused == 0 ? "" : "NO"));
    rows.add(ratioToHttpFloor(i.csv, hf));
    rows.add(new Row(String.format("13 in-process floor: %,d start→userTask, Java API, %d threads × %d per transaction",
        floor.count, i.floorThreads, i.floorBatchSize),
        String.format(Locale.ROOT, "%.1f s = %.1f instances/s", floor.millis / 1000.0, floor.perSecond()), "", ""));
    String cpuOf = i.postgres ? "application + database" : "application with H2";
    rows.add(new Row("  CPU per case (" + cpuOf + "): HTTP floor / POST / CSV / in-process floor",
        String.format(Locale.ROOT, "%s / %s / %s / %s ms", ms(hf.cpuPer()), ms(i.post.cpuPer()), ms(i.csv.cpuPer()),
            ms(floor.cpuPer())), "", ""));
    rows.add(timesFloor("  CPU per case / in-process floor instance's: POST / CSV", i.post.cpuPer(), i.csv.cpuPer(),
        floor.cpuPer()));
    rows.add(new Row("  rows held per case: HTTP floor / POST / CSV / in-process floor",
        String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", hf.rowsHeldPer(), i.post.rowsHeldPer(),
            i.csv.rowsHeldPer(), floor.rowsHeldPer()), "", ""));
    rows.add(timesFloor("  rows held per case / floor instance's: POST / CSV", i.post.rowsHeldPer(),
        i.csv.rowsHeldPer(), floor.rowsHeldPer()));
    if (floor.rowsInsertedPer() > 0) {
      rows.add(new Row("  rows inserted per case (PostgreSQL): HTTP floor / POST / CSV / in-process floor",
          String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", hf.rowsInsertedPer(), i.post.rowsInsertedPer(),
              i.csv.rowsInsertedPer(), floor.rowsInsertedPer()), "", ""));
      rows.add(timesFloor("  rows inserted per case / floor instance's: POST / CSV", i.post.rowsInsertedPer(),
          i.csv.rowsInsertedPer(), floor.rowsInsertedPer()));
    }
    return rows;
  }

  private static Row ratioToHttpFloor(IntakeScenario.Phase p, IntakeScenario.Phase httpFloor) {
    double ratio = httpFloor.perSecond() == 0 ? 0 : p.perSecond() / httpFloor.perSecond();
    return new Row("  / HTTP floor", String.format(Locale.ROOT, "%.2f", ratio),
        String.format(Locale.ROOT, "≥ %.2f", INTAKE_OVER_HTTP_FLOOR), met(ratio >= INTAKE_OVER_HTTP_FLOOR));
  }

  /** "11.2 × / 10.9 ×" against ≤ 3 ×, met when both are. */
  private static Row timesFloor(String figure, double post, double csv, double floor) {
    if (floor <= 0 || post < 0 || csv < 0) {
      return new Row(figure, "not measured", String.format(Locale.ROOT, "≤ %.0f ×", PER_CASE_OVER_FLOOR), "");
    }
    return new Row(figure, String.format(Locale.ROOT, "%.1f × / %.1f ×", post / floor, csv / floor),
        String.format(Locale.ROOT, "≤ %.0f ×", PER_CASE_OVER_FLOOR),
        met(post / floor <= PER_CASE_OVER_FLOOR && csv / floor <= PER_CASE_OVER_FLOOR));
  }

  private static String ms(double millis) {
    return millis < 0 ? "–" : String.format(Locale.ROOT, "%.1f", millis);
  }

  private static long floorTasks(OwnershipScenario.OwnershipFigures o) {
    long sum = o.state.path("floorPool").asLong();
    for (JsonNode n : o.state.path("floorAssigned")) {
      sum += n.asLong();
    }
    return sum;
  }

  /** Tab-separated rows, for bench/run.sh to print with the memory figures. */
  String tsv() {
    StringBuilder out = new StringBuilder();
    for (Row r : rows()) {
      out.append(r.figure()).append('\t').append(r.measured()).append('\t').append(r.target()).append('\t')
          .append(r.met()).append('\n');
    }
    return out.toString();
  }

  String table() {
    StringBuilder out = new StringBuilder();
    for (Row r : rows()) {
      out.append(String.format("%-72s %-62s %-14s %s%n", r.figure(), r.measured(), r.target(), r.met()));
    }
    errorSamples.forEach(e -> out.append("  error: ").append(e).append('\n'));
    return out.toString();
  }

  private static boolean known(CpuMeter.Reading cpu) {
    return cpu != null && cpu.application() > 0;
  }

  /** The application's CPU, with the database server's where it runs apart (PostgreSQL). */
  private static long serverCpu(CpuMeter.Reading cpu) {
    return cpu.application() + Math.max(0, cpu.database());
  }

  /** e.g. "27 / 35 / 70 ms; 190 % of 2 cores" ("–" where not measured: H2 runs inside the application). */
  private static String cpuPer(CpuMeter.Reading cpu, long operations) {
    return String.format(Locale.ROOT, "%s / %s / %s ms; %s", per(cpu.application(), operations),
        per(cpu.database(), operations), per(cpu.machine(), operations),
        cpu.machinePercent() < 0 ? "–" : cpu.machinePercent() + " % of " + Runtime.getRuntime().availableProcessors()
            + " cores");
  }

  private static String per(long millis, long operations) {
    return millis < 0 ? "–" : String.format(Locale.ROOT, "%.1f", (double) millis / operations);
  }

  private static String met(boolean met) {
    return met ? "yes" : "NO";
  }

  private static double perSecond(long n, long millis) {
    return millis == 0 ? 0 : n * 1000.0 / millis;
  }
}
