package com.carloan.overdue.operations;

import com.carloan.overdue.common.BusinessClock;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Computes the {@link MetricsSnapshot} from the database and keeps it for
 * {@code collections.operations.metrics-cache}: one scrape reads dozens of meters, and two nodes
 * scraped every 15 s should not aggregate the history each time.
 */
@Component
class MetricsSnapshots {

  private final CaseFigures cases;
  private final EngineFigures engine;
  private final ProcessModel model;
  private final OperationsSettings settings;
  private final BusinessClock clock;
  private final TeamLoads teams;
  private final TeamFigures teamFigures;
  private final RecordFigures record;
  private volatile Timer timer;
  private volatile Consumer<MetricsSnapshot> whenComputed = s -> { };
  private final Cached<MetricsSnapshot> cached;

  MetricsSnapshots(CaseFigures cases, EngineFigures engine, ProcessModel model, OperationsSettings settings,
      BusinessClock clock, TeamLoads teams, TeamFigures teamFigures, RecordFigures record) {
    this.teams = teams;
    this.record = record;
    this.teamFigures = teamFigures;
    this.cases = cases;
    this.engine = engine;
    this.model = model;
    this.settings = settings;
    this.clock = clock;
    this.cached = new Cached<>("metrics", settings.metricsCache(), this::compute);
  }

  /** Per node and in memory on purpose: how long this node's queries take is this node's own fact. */
  synchronized void timeWith(Timer timer) {
    this.timer = timer;
  }

  /** Called with every snapshot computed: meters whose series depend on the data (the agents) follow it. */
  void whenComputed(Consumer<MetricsSnapshot> listener) {
    this.whenComputed = listener;
  }

  MetricsSnapshot current() {
    return cached.get();
  }

  MetricsSnapshot refresh() {
    return cached.refresh();
  }

  private MetricsSnapshot compute() {
    MetricsSnapshot snapshot = timer == null ? computeNow() : timer.record(this::computeNow);
    whenComputed.accept(snapshot);
    return snapshot;
  }

  private MetricsSnapshot computeNow() {
    {
      ProcessModel.Facts facts = model.facts();
      var tally = ProcessEvents.Tally.of(
          engine.endedActivities(ProcessEvents.counted(facts.escalationReasonByEndEvent()), null),
          facts.escalationReasonByEndEvent());
      Map<String, Long> opened = new HashMap<>();
      engine.assessments().forEach(a -> opened.merge(MetricsSnapshot.assessmentKey(a.strategy(), a.riskLevel()),
          a.cases(), Long::sum));
      Map<String, Long> closed = cases.closedByOutcome().stream()
          .collect(Collectors.toMap(CaseFigures.OutcomeCount::outcome, CaseFigures.OutcomeCount::cases));
      Map<String, Long> stages = engine.openCasesByStage().entrySet().stream()
          .collect(Collectors.toMap(e -> e.getKey().key(), Map.Entry::getValue));
      var totals = cases.totals();
      var recovered = cases.recovered();
      Window window = Window.of(clock, settings.window());
      var complaints = record.complaints(clock.now());
      return new MetricsSnapshot(opened, closed, tally.escalationsByReason(), stages, totals.open(),
          totals.amountDue(), recovered.all(), totals.openAmountDue().subtract(recovered.openCases()),
          totals.amountWaived(),
          cases.plansAgreed(null), tally.promisesKept(), tally.promisesBroken(),
          tally.weComRequests(), tally.weComCasesAsked(), tally.weComAdds(),
          engine.queues(clock.now(), settings.taskDeadlines()).stream()
              .collect(Collectors.toMap(EngineFigures.QueueLoad::taskKey, Function.identity())),
          engine.openTasksByCandidateGroup(), engine.openIncidentsByType(), engine.jobs(clock.now()),
          teams.teams(record.decidedPromises(window.since(), window.until())), teamFigures.bucketMoves(),
          record.promisesByStatus(), complaints.open(), complaints.overdue());
    }
  }
}
