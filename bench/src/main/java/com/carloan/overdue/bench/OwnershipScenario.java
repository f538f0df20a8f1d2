package com.carloan.overdue.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ownership scenario: open calls over {@code owners} agents in the three teams, each agent holding
 * {@code collections.allocation.capacity} cases and {@code poolPerTeam} unowned per team, all opened by the intake
 * with allocation running; and beside them, in the same run and database, as many plain {@code benchFloor} tasks
 * of the same shape (assigned to an agent, candidate groups a team's and the supervisors'). Every query is timed
 * on both, through the same REST resource with the same client:
 * <ol>
 *   <li>an agent's "My tasks" (filter list, first 15 sorted, HAL, and its count), sampled over all agents;</li>
 *   <li>supervisor1's "Collection queue", every team's pool (and the floor's pool filter, as manager1), while agents take one call from the pools between
 *       two samples;</li>
 *   <li>agents in a closed loop completing the calls assigned to them, as the form submits them.</li>
 * </ol>
 */
final class OwnershipScenario {

  static final String MY_TASKS = "My tasks · 我的任务";
  static final List<String> TEAMS = List.of("team-m1", "team-m2", "team-m3");
  static final String AGENT_GROUP = "collection-agent";
  /**
   * The floor's people are in the same role groups as ours (the engine's REST API admits only those, and the
   * authorizations a query checks are then the same): floor agents in collection-agent and a floor team of their
   * own, which allocation never sees (it staffs team-m1..m3). The floor's tasks have candidate groups floor-mN
   * and collection-manager, as ours have team-mN and collection-supervisor, and manager1 reads the floor's pool
   * as supervisor1 reads ours: each rights check then meets the grants its own side's tasks leave (the engine's
   * for the floor, the product's narrowed ones for ours), not the other side's as well.
   */
  static final List<String> FLOOR_TEAMS = List.of("floor-m1", "floor-m2", "floor-m3");
  static final String FLOOR_SUPERVISOR_GROUP = "collection-manager";
  static final String FLOOR_SUPERVISOR = "manager1";

  private final BenchmarkDriver.Config config;
  private final BenchClient http;
  private final CpuMeter cpu;
  private final BenchFigures figures;
  private final OwnershipFigures f;

  /** owners.get(i) and floorAgents.get(i) are in team (and floor team) i % 3 and hold as many tasks. */
  private final List<String> owners = new ArrayList<>();
  private final List<String> floorAgents = new ArrayList<>();

  OwnershipScenario(BenchmarkDriver.Config config, BenchClient http, CpuMeter cpu, BenchFigures figures) {
    this.config = config;
    this.http = http;
    this.cpu = cpu;
    this.figures = figures;
    this.f = new OwnershipFigures();
    figures.ownership = f;
  }

  void run() throws Exception {
    f.capacity = figures.settings.path("allocationCapacity").asInt();
    staff();
    fill();
    String[] filters = filters();
    ownQueues(filters[0], filters[2]);
    verifyCounts(filters[0], filters[2], "after the fill");
    pools(filters[1], filters[3]);
    completions();
    verifyCounts(filters[0], filters[2], "after the completions");
  }

  private static String team(int i) {
    return TEAMS.get(i % TEAMS.size());
  }

  private static String floorTeam(int i) {
    return FLOOR_TEAMS.get(i % FLOOR_TEAMS.size());
  }

  // Agents of the three teams (and the floor's), the demo agents away so that allocation gives the run's agents
  // every case, as a supervisor marks an agent on leave (PUT /api/agents/{id}/availability).
  private void staff() {
    for (JsonNode demo : http.json(http.get(BenchmarkDriver.ADMIN, "/engine-rest/user?memberOfGroup=" + AGENT_GROUP
        + "&maxResults=1000"), "agents")) {
      String id = demo.path("id").asText();
      if (!id.startsWith("benchagent") && !id.startsWith("flooragent")) {
        http.json(http.put(BenchmarkDriver.ADMIN, "/api/agents/" + id + "/availability",
            Map.of("available", false, "reason", "LEAVE")), id + " away");
      }
    }
    for (String group : FLOOR_TEAMS) {
      if (!http.get(BenchmarkDriver.ADMIN, "/engine-rest/group/" + group).ok()) {
        http.json(http.postJson(BenchmarkDriver.ADMIN, "/engine-rest/group/create",
            Map.of("id", group, "name", "Bench floor " + group, "type", "WORKFLOW")), "create " + group);
      }
    }
    for (int i = 0; i < config.owners(); i++) {
      owners.add(String.format("benchagent%03d", i + 1));
      floorAgents.add(String.format("flooragent%03d", i + 1));
      BenchmarkDriver.ensureUser(http, owners.get(i), List.of(AGENT_GROUP, team(i)));
      BenchmarkDriver.ensureUser(http, floorAgents.get(i), List.of(AGENT_GROUP, floorTeam(i)));
      f.agentsByTeam.merge(team(i), 1, Integer::sum);
    }
  }

  // Each team: its agents × capacity cases to own, and poolPerTeam more that wait unowned. The floor the same.
  private void fill() {
    StringBuilder query = new StringBuilder("/bench/ownership/cases?loanPrefix=O" + config.runId() + "-");
    int cases = 0;
    for (String team : TEAMS) {
      int n = f.agentsByTeam.getOrDefault(team, 0) * f.capacity + config.poolPerTeam();
      query.append('&').append(team).append('=').append(n);
      cases += n;
    }
    log("ownership: opening " + cases + " cases for " + config.owners() + " agents " + f.agentsByTeam + ", capacity "
        + f.capacity + ", " + config.poolPerTeam() + " unowned per team");
    CpuMeter.Reading cpu0 = cpu.read();
    long t0 = System.nanoTime();
    http.json(http.postJson(BenchmarkDriver.ADMIN, query.toString(), Map.of()), "ownership cases");
    f.afterFill = BenchmarkDriver.waitForEngine(http, figures, cases, "ownership cases");
    f.fillMillis = BenchmarkDriver.millisSince(t0);
    f.fillCpu = cpu.read().since(cpu0);
    f.cases = cases;
    log("ownership: " + cases + " cases wait at their call after " + f.fillMillis + " ms");

    List<Map<String, Object>> teams = new ArrayList<>();
    for (int t = 0; t < TEAMS.size(); t++) {
      List<String> agents = new ArrayList<>();
      for (int i = t; i < floorAgents.size(); i += TEAMS.size()) {
        agents.add(floorAgents.get(i));
      }
      teams.add(Map.of("group", floorTeam(t), "agents", agents, "perAgent", f.capacity, "pool", config.poolPerTeam()));
    }
    t0 = System.nanoTime();
    f.floorFilters = http.json(http.postJson(BenchmarkDriver.ADMIN, "/bench/ownership/floor", Map.of("teams", teams,
        "readers", readers(), "supervisorGroup", FLOOR_SUPERVISOR_GROUP)), "ownership floor").path("filters");
    f.floorFillMillis = BenchmarkDriver.millisSince(t0);
    f.state = state();
    log("ownership: floor tasks after " + f.floorFillMillis + " ms; " + f.state);
  }

  private static List<String> readers() {
    List<String> readers = new ArrayList<>(FLOOR_TEAMS);
    readers.add(FLOOR_SUPERVISOR_GROUP);
    return readers;
  }

  private JsonNode state() {
    return http.json(http.get(BenchmarkDriver.ADMIN, "/bench/ownership/state"), "ownership state");
  }

  /** {our My tasks, our Collection queue, the floor's my tasks, the floor's pool}. */
  private String[] filters() {
    String[] ids = new String[4];
    for (JsonNode filter : http.json(http.get(owners.get(0), "/engine-rest/filter?resourceType=Task"), "filters")) {
      if (MY_TASKS.equals(filter.path("name").asText())) {
        ids[0] = filter.path("id").asText();
      } else if (BenchmarkDriver.COLLECTION_QUEUE.equals(filter.path("name").asText())) {
        ids[1] = filter.path("id").asText();
      }
    }
    ids[2] = f.floorFilters.path(EngineFloor.MY_TASKS).asText(null);
    ids[3] = f.floorFilters.path(EngineFloor.POOL).asText(null);
    for (String id : ids) {
      if (id == null) {
        throw new IllegalStateException("a filter of the ownership scenario is missing: " + String.join(", ",
            java.util.Arrays.asList(ids)));
      }
    }
    return ids;
  }

  // 1. "My tasks" of one agent after another, drawn at random, and the floor's agent with the same tasks.
  private void ownQueues(String ours, String floor) {
    int warmUp = Math.max(5, config.samples() / 10);
    CpuMeter.Reading cpu0 = null;
    java.util.Set<String> sampled = new java.util.HashSet<>();
    for (int i = 0; i < warmUp + config.samples(); i++) {
      if (i == warmUp) {
        cpu0 = cpu.read();
      }
      int k = ThreadLocalRandom.current().nextInt(owners.size());
      boolean measured = i >= warmUp;
      if (measured) {
        sampled.add(owners.get(k));
      }
      JsonNode page = timedPage(owners.get(k), ours, measured ? f.ownList : null, measured ? f.ownCount : null);
      page.path("_embedded").path("task").forEach(task -> {
        if (!owners.get(k).equals(task.path("assignee").asText())) {
          figures.error("My tasks of " + owners.get(k) + " shows task " + task.path("id").asText() + " of "
              + task.path("assignee").asText());
        }
      });
      f.ownPageSize = Math.max(f.ownPageSize, page.path("_embedded").path("task").size());
      timedPage(floorAgents.get(k), floor, measured ? f.floorOwnList : null, measured ? f.floorOwnCount : null);
    }
    f.ownQueueCpu = cpu0 == null ? null : cpu.read().since(cpu0);
    f.agentsSampled = sampled.size();
    log("ownership: My tasks list " + f.ownList + " (floor " + f.floorOwnList + "), count " + f.ownCount + " (floor "
        + f.floorOwnCount + ") over " + sampled.size() + " agents");
  }

  /** Tasklist's two calls for a filter: the first page, sorted, HAL, then the count. @return the page */
  private JsonNode timedPage(String user, String filterId, Latencies list, Latencies count) {
    long t = System.nanoTime();
    JsonNode page = http.json(http.postJson(user, "/engine-rest/filter/" + filterId
        + "/list?firstResult=0&maxResults=15", Map.of(), BenchClient.HAL_JSON), "filter list");
    if (list != null) {
      list.add(System.nanoTime() - t);
    }
    t = System.nanoTime();
    long n = http.json(http.get(user, "/engine-rest/filter/" + filterId + "/count"), "filter count").path("count")
        .asLong();
    if (count != null) {
      count.add(System.nanoTime() - t);
    }
    lastCount = n;
    return page;
  }

  /** The count of the last {@link #timedPage}. */
  private long lastCount;

  // Every agent's My tasks count against the tasks of the cases they own; the floor's against its assignees.
  private void verifyCounts(String ours, String floor, String when) {
    JsonNode state = state();
    JsonNode owned = state.path("ownedOpenTasks");
    JsonNode floorAssigned = state.path("floorAssigned");
    for (int i = 0; i < owners.size(); i++) {
      long count = http.json(http.get(owners.get(i), "/engine-rest/filter/" + ours + "/count"), "count").path("count")
          .asLong();
      long expected = owned.path(owners.get(i)).asLong(0);
      f.countsChecked++;
      if (count != expected || count != state.path("assignedByEngine").path(owners.get(i)).asLong(0)) {
        f.countMismatches.add(when + ": " + owners.get(i) + " sees " + count + ", owns " + expected);
      }
      long floorCount = http.json(http.get(floorAgents.get(i), "/engine-rest/filter/" + floor + "/count"), "count")
          .path("count").asLong();
      if (floorCount != floorAssigned.path(floorAgents.get(i)).asLong(0)) {
        f.countMismatches.add(when + ": " + floorAgents.get(i) + " sees " + floorCount + ", holds "
            + floorAssigned.path(floorAgents.get(i)).asLong(0));
      }
    }
    f.finalState = state;
    log("ownership: counts checked " + when + ": " + f.countMismatches.size() + " mismatches");
  }

  // 2. supervisor1's Collection queue (every team's pool) and the floor supervisor's (manager1's) pool, while between two
  //    samples an agent of the next team takes a call from their team's pool (and a floor agent from the floor's),
  //    so no database answers a page from the result of the one before.
  private void pools(String ourQueue, String floorPool) {
    int warmUp = Math.max(5, config.samples() / 10);
    CpuMeter.Reading cpu0 = null;
    for (int i = 0; i < warmUp + config.samples(); i++) {
      takeFromPool(i, ourQueue);
      if (i == warmUp) {
        cpu0 = cpu.read();
      }
      boolean measured = i >= warmUp;
      timedPage(BenchmarkDriver.SUPERVISOR, ourQueue, measured ? f.poolList : null, measured ? f.poolCount : null);
      f.poolSize = lastCount;
      timedPage(FLOOR_SUPERVISOR, floorPool, measured ? f.floorPoolList : null, measured ? f.floorPoolCount : null);
      f.floorPoolSize = lastCount;
    }
    f.poolCpu = cpu0 == null ? null : cpu.read().since(cpu0);
    f.afterPools = state();
    log("ownership: pool list " + f.poolList + " (floor " + f.floorPoolList + "), count " + f.poolCount + " (floor "
        + f.floorPoolCount + "); " + f.poolSize + " unowned left, " + f.pooledTaken + " taken");
  }

  /** An agent of team i % 3 takes the first call of their team's pool; the floor's agent of that team too. */
  private void takeFromPool(int i, String ourQueue) {
    int t = i % TEAMS.size();
    int members = (owners.size() - t + TEAMS.size() - 1) / TEAMS.size();
    int k = t + TEAMS.size() * (i / TEAMS.size() % members);
    String agent = owners.get(k);
    JsonNode page = http.json(http.postJson(agent, "/engine-rest/filter/" + ourQueue + "/list?firstResult=0&maxResults=1",
        Map.of()), "a pooled call");
    if (!page.isEmpty()) {
      BenchClient.Response claim = http.postJson(agent, "/engine-rest/task/" + page.get(0).path("id").asText() + "/claim",
          Map.of("userId", agent));
      if (claim.ok()) {
        f.pooledTaken++;
      } else {
        figures.error("claim from the pool by " + agent + ": HTTP " + claim.status() + " " + claim.body());
      }
    }
    String floorAgent = floorAgents.get(k);
    JsonNode floorTask = http.json(http.get(floorAgent, "/engine-rest/task?candidateGroup=" + floorTeam(k)
        + "&taskDefinitionKey=" + EngineFloor.TASK_KEY + "&maxResults=1"), "a pooled floor task");
    if (!floorTask.isEmpty()) {
      BenchClient.Response claim = http.postJson(floorAgent, "/engine-rest/task/" + floorTask.get(0).path("id").asText()
          + "/claim", Map.of("userId", floorAgent));
      if (!claim.ok()) {
        figures.error("floor claim by " + floorAgent + ": HTTP " + claim.status() + " " + claim.body());
      }
    }
  }

  // 3. Agents complete the calls assigned to them, as the form submits them, in a closed loop; then the floor's.
  private void completions() throws Exception {
    int n = Math.min(config.agents(), owners.size());
    List<String> ours = new ArrayList<>();
    List<String> floor = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      int k = (int) ((long) j * owners.size() / n);
      ours.add(owners.get(k));
      floor.add(floorAgents.get(k));
    }
    f.completingAgents = n;
    CpuMeter.Reading cpu0 = cpu.read();
    long t0 = System.nanoTime();
    f.completed = completeAll(ours, "callBorrower", f.find, f.complete);
    f.completeMillis = BenchmarkDriver.millisSince(t0);
    f.completeCpu = cpu.read().since(cpu0);
    cpu0 = cpu.read();
    t0 = System.nanoTime();
    f.floorCompleted = completeAll(floor, EngineFloor.TASK_KEY, f.floorFind, f.floorComplete).size();
    f.floorCompleteMillis = BenchmarkDriver.millisSince(t0);
    f.floorCompleteCpu = cpu.read().since(cpu0);
    log("ownership: " + f.completed.size() + " calls completed in " + f.completeMillis + " ms, complete " + f.complete
        + "; floor " + f.floorCompleted + " in " + f.floorCompleteMillis + " ms, complete " + f.floorComplete);
  }

  private List<String> completeAll(List<String> agents, String taskKey, Latencies find, Latencies complete)
      throws Exception {
    AtomicInteger reserved = new AtomicInteger();
    List<String> completed = Collections.synchronizedList(new ArrayList<>());
    ExecutorService room = Executors.newFixedThreadPool(agents.size());
    try {
      List<Future<?>> shifts = new ArrayList<>();
      for (String agent : agents) {
        shifts.add(room.submit(() -> work(agent, taskKey, reserved, completed, find, complete)));
      }
      for (Future<?> shift : shifts) {
        shift.get();
      }
    } finally {
      room.shutdownNow();
      room.awaitTermination(1, TimeUnit.MINUTES);
    }
    return List.copyOf(completed);
  }

  private void work(String agent, String taskKey, AtomicInteger reserved, List<String> completed, Latencies find,
      Latencies complete) {
    while (reserved.incrementAndGet() <= config.completions()) {
      if (figures.errors() > 10 + config.completions() / 10) {
        log(agent + ": too many errors, stopping");
        break;
      }
      long t = System.nanoTime();
      JsonNode found;
      try {
        found = http.json(http.get(agent, "/engine-rest/task?assignee=" + agent + "&taskDefinitionKey=" + taskKey
            + "&sortBy=created&sortOrder=asc&maxResults=1"), "find my call");
      } catch (IllegalStateException failed) {
        figures.error(failed.getMessage());
        reserved.decrementAndGet();
        continue;
      }
      find.add(System.nanoTime() - t);
      if (found.isEmpty()) {
        log(agent + ": no call of mine left");
        reserved.decrementAndGet();
        return;
      }
      String taskId = found.get(0).path("id").asText();
      Map<String, Object> variables = BenchmarkDriver.callOutcome();
      t = System.nanoTime();
      BenchClient.Response done = http.postJson(agent, "/engine-rest/task/" + taskId + "/complete",
          Map.of("variables", variables));
      complete.add(System.nanoTime() - t);
      if (!done.ok()) {
        figures.error("complete " + taskId + " by " + agent + ": HTTP " + done.status() + " " + done.body());
        reserved.decrementAndGet();
        continue;
      }
      completed.add(found.get(0).path("processInstanceId").asText());
    }
    reserved.decrementAndGet();
  }

  private static void log(String line) {
    BenchmarkDriver.log(line);
  }

  /** What the ownership scenario measured; its rows in the table. */
  static final class OwnershipFigures {
    int capacity;
    final Map<String, Integer> agentsByTeam = new LinkedHashMap<>();
    int cases;
    long fillMillis;
    CpuMeter.Reading fillCpu;
    long floorFillMillis;
    JsonNode afterFill;
    JsonNode floorFilters;
    JsonNode state;
    JsonNode afterPools;
    JsonNode finalState;

    int agentsSampled;
    int ownPageSize;
    final Latencies ownList = new Latencies();
    final Latencies ownCount = new Latencies();
    final Latencies floorOwnList = new Latencies();
    final Latencies floorOwnCount = new Latencies();
    CpuMeter.Reading ownQueueCpu;
    int countsChecked;
    final List<String> countMismatches = Collections.synchronizedList(new ArrayList<>());

    long poolSize;
    long floorPoolSize;
    int pooledTaken;
    final Latencies poolList = new Latencies();
    final Latencies poolCount = new Latencies();
    final Latencies floorPoolList = new Latencies();
    final Latencies floorPoolCount = new Latencies();
    CpuMeter.Reading poolCpu;

    int completingAgents;
    List<String> completed = List.of();
    int floorCompleted;
    long completeMillis;
    long floorCompleteMillis;
    final Latencies find = new Latencies();
    final Latencies complete = new Latencies();
    final Latencies floorFind = new Latencies();
    final Latencies floorComplete = new Latencies();
    CpuMeter.Reading completeCpu;
    CpuMeter.Reading floorCompleteCpu;

    long ownedTasks() {
      long sum = 0;
      for (JsonNode n : state.path("ownedOpenTasks")) {
        sum += n.asLong();
      }
      return sum;
    }

    long pooledTasks(JsonNode s) {
      long sum = 0;
      for (JsonNode n : s.path("poolByTeam")) {
        sum += n.asLong();
      }
      return sum;
    }
  }
}
