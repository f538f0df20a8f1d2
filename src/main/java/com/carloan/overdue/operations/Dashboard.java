package com.carloan.overdue.operations;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.record.promise.PromiseTerms;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Assembles the dashboard's figures: open cases from the engine's runtime, the window's payments from our
 * payment table, its outcomes from the sealed archive, repayment plans' installment checks, escalations and contact
 * from the engine's history, promises to pay and complaints from the collection record. Cached for {@code collections.operations.dashboard-cache} and recomputed in the background ({@link Cached}):
 * a room of supervisors refreshing costs one query set, and none of them waits for it. The roll rates have
 * their own, longer cache ({@link RollRates}).
 */
@Service
class Dashboard {

  private final CaseFigures cases;
  private final EngineFigures engine;
  private final ProcessModel model;
  private final OperationsSettings settings;
  private final BusinessClock clock;
  private final TeamLoads teams;
  private final RecordFigures record;
  private final RollRates rollRates;
  private final Timer timer;
  private final Cached<DashboardData> cached;

  Dashboard(CaseFigures cases, EngineFigures engine, ProcessModel model, OperationsSettings settings,
      BusinessClock clock, TeamLoads teams, RecordFigures record, RollRates rollRates, MeterRegistry registry) {
    this.teams = teams;
    this.record = record;
    this.rollRates = rollRates;
    this.cases = cases;
    this.engine = engine;
    this.model = model;
    this.settings = settings;
    this.clock = clock;
    this.timer = Timer.builder("collections.kpi.query").tag("figures", "dashboard")
        .description("Time to compute business figures from the database").register(registry);
    this.cached = new Cached<>("dashboard", settings.dashboardCache(), () -> timer.record(this::compute));
  }

  DashboardData data() {
    return cached.get();
  }

  /** Computes the figures now, in the caller's thread, and serves them from then on. */
  DashboardData refresh() {
    return cached.refresh();
  }

  /** The figures as of now, bypassing the cache. */
  DashboardData compute() {
    Instant now = clock.now();
    Window window = Window.of(clock, settings.window());
    Instant since = window.since();
    ProcessModel.Facts facts = model.facts();
    var tally = ProcessEvents.Tally.of(
        engine.endedActivities(ProcessEvents.counted(facts.escalationReasonByEndEvent()), since),
        facts.escalationReasonByEndEvent());
    var open = cases.openTotals();
    BigDecimal repaid = cases.repaidOnOpenCases();
    var received = cases.received(since, window.until());
    var decided = record.decidedPromises(since, window.until());
    var promisesToPay = TeamLoads.outcomes(decided);
    var complaints = record.complaints(now);
    return new DashboardData(now, (int) settings.window().toDays(),
        new DashboardData.Open(open.open(), open.openAmountDue(), repaid, open.openAmountDue().subtract(repaid),
            open.amountWaived()),
        new DashboardData.Recovered(received.amount(), received.payments()),
        funnel(), outcomes(cases.closedPerDay(since), window.firstDay(), window.today()),
        new DashboardData.Promises(cases.plansAgreed(since), tally.promisesKept(), tally.promisesBroken(),
            rate(tally.promisesKept(), tally.promisesKept() + tally.promisesBroken())),
        new DashboardData.PromisesToPay(record.promisesByStatus().getOrDefault(PromiseTerms.Status.OPEN.name(), 0L),
            promisesToPay.kept(), promisesToPay.broken(), promisesToPay.keptRate()),
        new DashboardData.Complaints(complaints.open(), complaints.overdue()),
        escalations(tally.escalationsByReason()),
        new DashboardData.Contact(tally.weComRequests(), tally.weComCasesAsked(), tally.weComAdds(),
            rate(tally.weComAdds(), tally.weComCasesAsked())),
        queues(facts, engine.queues(now, settings.taskDeadlines())), teams.teams(decided), rollRates.current());
  }

  private List<DashboardData.StageCount> funnel() {
    Map<Stage, Long> byStage = engine.openCasesByStage();
    List<DashboardData.StageCount> funnel = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      funnel.add(new DashboardData.StageCount(stage.key(), stage.zh, stage.en, byStage.getOrDefault(stage, 0L)));
    }
    return funnel;
  }

  private static DashboardData.Outcomes outcomes(List<CaseFigures.ClosedDay> rows, LocalDate firstDay,
      LocalDate today) {
    Map<LocalDate, List<CaseFigures.ClosedDay>> byDay = new TreeMap<>();
    for (LocalDate d = firstDay; !d.isAfter(today); d = d.plusDays(1)) {
      byDay.put(d, new ArrayList<>());
    }
    Map<String, DashboardData.OutcomeTotal> totals = new LinkedHashMap<>();
    Labels.OUTCOMES.keySet().stream().sorted().forEach(o -> totals.put(o, total(o, 0, BigDecimal.ZERO, BigDecimal.ZERO)));
    for (CaseFigures.ClosedDay r : rows) {
      if (!byDay.containsKey(r.day())) {
        continue; // closed after "now" by the business clock (moved back in tests): not part of the window
      }
      byDay.get(r.day()).add(r);
      DashboardData.OutcomeTotal t = totals.getOrDefault(r.outcome(), total(r.outcome(), 0, BigDecimal.ZERO, BigDecimal.ZERO));
      totals.put(r.outcome(), total(r.outcome(), t.cases() + r.cases(), t.amountDue().add(r.amountDue()),
          t.amountRepaid().add(r.amountRepaid())));
    }
    List<DashboardData.Day> days = new ArrayList<>();
    byDay.forEach((day, dayRows) -> {
      Map<String, Long> counts = new TreeMap<>();
      BigDecimal due = BigDecimal.ZERO;
      BigDecimal repaid = BigDecimal.ZERO;
      for (CaseFigures.ClosedDay r : dayRows) {
        counts.merge(r.outcome(), r.cases(), Long::sum);
        due = due.add(r.amountDue());
        repaid = repaid.add(r.amountRepaid());
      }
      days.add(new DashboardData.Day(day, counts, due, repaid, rate(repaid, due)));
    });
    long closed = totals.values().stream().mapToLong(DashboardData.OutcomeTotal::cases).sum();
    BigDecimal due = totals.values().stream().map(DashboardData.OutcomeTotal::amountDue).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal repaid = totals.values().stream().map(DashboardData.OutcomeTotal::amountRepaid)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new DashboardData.Outcomes(days, List.copyOf(totals.values()), closed, due, repaid, rate(repaid, due));
  }

  private static DashboardData.OutcomeTotal total(String outcome, long n, BigDecimal due, BigDecimal repaid) {
    Labels.Label label = Labels.of(Labels.OUTCOMES, outcome);
    return new DashboardData.OutcomeTotal(outcome, label.zh(), label.en(), n, due, repaid);
  }

  private static List<DashboardData.ReasonCount> escalations(Map<String, Long> byReason) {
    return Labels.ESCALATION_REASONS.keySet().stream().sorted()
        .map(reason -> {
          Labels.Label label = Labels.of(Labels.ESCALATION_REASONS, reason);
          return new DashboardData.ReasonCount(reason, label.zh(), label.en(), byReason.getOrDefault(reason, 0L));
        }).toList();
  }

  private static List<DashboardData.QueueRow> queues(ProcessModel.Facts facts, List<EngineFigures.QueueLoad> loads) {
    Map<String, EngineFigures.QueueLoad> byTask = new LinkedHashMap<>();
    loads.forEach(l -> byTask.put(l.taskKey(), l));
    return facts.queues().stream().map(q -> {
      EngineFigures.QueueLoad l = byTask.getOrDefault(q.taskKey(), new EngineFigures.QueueLoad(q.taskKey(), 0, 0, 0, 0));
      return new DashboardData.QueueRow(q.taskKey(), q.name(), q.candidateGroups(), l.open(), l.unassigned(),
          l.pastDeadline(), l.followUpDue());
    }).toList();
  }

  /** Null where there is nothing to divide by: the page shows "—", not 0 %. */
  static Double rate(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  static Double rate(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP).doubleValue();
  }
}
