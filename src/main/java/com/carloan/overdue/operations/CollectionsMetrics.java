package com.carloan.overdue.operations;

import com.carloan.overdue.identity.CollectionGroups;
import com.carloan.overdue.record.promise.PromiseTerms;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The business metrics at {@code /actuator/prometheus}. Every one is read from the database (through
 * {@link MetricsSnapshots}), none is an in-memory increment: a count kept in memory would start from
 * zero after each restart and each of two nodes would count only its own half. Read from the
 * database, every node reports the same cluster-wide figure (aggregate with {@code max}, not
 * {@code sum}, across instances) and the figures survive restarts.
 *
 * <p>Series are registered up front for every value the contract names, so a rate over a reason
 * that has not happened yet is 0, not absent. The ratios exported, the right-party contact rate and the promise-to-pay
 * kept rate per team, are NaN while their denominator is 0 (no case asked yet, no promise decided): no data, as on
 * the dashboard, not a rate of 0.
 *
 * <p>Two kinds of "promise": {@code collections.promises.made/kept/broken} count repayment plans (还款计划) and their
 * installment checks, from the engine's history; {@code collections.promises{status}} and
 * {@code collections.promises.kept.ratio{team}} are the promises to pay (承诺还款) recorded with collection notes.
 *
 * <p>Per team and per bucket transition the series are fixed (the contract's three teams, three moves).
 * Per agent ({@code collections.cases.open.agent{team,agent}}) they follow the data: each snapshot
 * registers one series for every agent it knows (the teams' members and whoever owns an open case) and drops
 * the others (a {@link MultiGauge}). That is one series per agent of the collection floor, tens to a few
 * hundred, bounded by the staff, not by the cases; an agent who joins shows from the next snapshot on.
 */
@Component
class CollectionsMetrics implements MeterBinder {

  static final List<String> STRATEGIES = List.of("REMINDER", "WECHAT_CONTACT", "ESCALATE", "MANUAL_REVIEW");
  static final List<String> RISK_LEVELS = List.of("LOW", "MEDIUM", "HIGH");
  static final List<String> TASKS = List.of("reviewAssessment", "callBorrower", "verifyBorrower", "negotiatePlan",
      "approvePlan", "reviewEscalation", "handleLitigation", "repossessVehicle", "followUpPromise");
  static final List<String> INCIDENT_TYPES = List.of("failedJob", "failedExternalTask");
  static final List<String> JOB_STATES = List.of("due", "locked", "failed", "scheduled");

  private final MetricsSnapshots snapshots;

  CollectionsMetrics(MetricsSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String strategy : STRATEGIES) {
      for (String risk : RISK_LEVELS) {
        String key = MetricsSnapshot.assessmentKey(strategy, risk);
        counter(registry, "collections.cases.opened", "Cases opened, by the assessment's strategy and risk level",
            s -> MetricsSnapshot.get(s.openedByAssessment(), key), "strategy", strategy, "riskLevel", risk);
      }
    }
    for (String outcome : Labels.OUTCOMES.keySet()) {
      counter(registry, "collections.cases.closed", "Cases closed and archived, by outcome",
          s -> MetricsSnapshot.get(s.closedByOutcome(), outcome), "outcome", outcome);
    }
    for (String reason : Labels.ESCALATION_REASONS.keySet()) {
      counter(registry, "collections.cases.escalated", "Escalations, by reason (a case may escalate more than once)",
          s -> MetricsSnapshot.get(s.escalatedByReason(), reason), "reason", reason);
    }
    gauge(registry, "collections.cases.open", "Open cases", MetricsSnapshot::openCases);
    for (Stage stage : Stage.values()) {
      gauge(registry, "collections.cases.open.stage", "Open cases by lifecycle stage",
          s -> MetricsSnapshot.get(s.openByStage(), stage.key()), "stage", stage.key());
    }
    counter(registry, "collections.amount.waived", "Approved waivers (减免), CNY; never counted as recovered",
        s -> s.amountWaived().doubleValue());
    counter(registry, "collections.amount.due", "Amount due of every case opened, net of approved waivers, CNY",
        s -> s.amountDue().doubleValue());
    counter(registry, "collections.amount.recovered", "Payments received on cases, CNY",
        s -> s.amountRecovered().doubleValue());
    gauge(registry, "collections.amount.outstanding", "Overdue amount still unpaid on open cases, CNY",
        s -> s.amountOutstanding().doubleValue());
    counter(registry, "collections.promises.made", "Repayment plans agreed", MetricsSnapshot::promisesMade);
    counter(registry, "collections.promises.kept", "Repayment plans kept: settled or fulfilled while current",
        MetricsSnapshot::promisesKept);
    counter(registry, "collections.promises.broken", "Installment checks that found the borrower behind",
        MetricsSnapshot::promisesBroken);
    for (PromiseTerms.Status status : PromiseTerms.Status.values()) {
      gauge(registry, "collections.promises", "Promises to pay (承诺还款) recorded with collection notes, by status",
          s -> MetricsSnapshot.get(s.promisesToPayByStatus(), status.name()), "status", status.name());
    }
    gauge(registry, "collections.complaints.open", "Complaints (投诉) not yet handled, on any case",
        MetricsSnapshot::complaintsOpen);
    gauge(registry, "collections.complaints.overdue", "Complaints not yet handled and past their handling deadline",
        MetricsSnapshot::complaintsOverdue);
    counter(registry, "collections.wecom.requests", "WeCom contact requests sent (SMS with the contact link)",
        MetricsSnapshot::weComRequests);
    counter(registry, "collections.wecom.requested.cases", "Cases asked at least once to add the WeCom account",
        MetricsSnapshot::weComCasesAsked);
    counter(registry, "collections.wecom.adds", "Borrowers who added the company's WeCom account",
        MetricsSnapshot::weComAdds);
    gauge(registry, "collections.wecom.right.party.contact.ratio",
        "Cases whose borrower added WeCom per case asked to (right-party contact rate); NaN while none was asked",
        MetricsSnapshot::rightPartyContactRate);
    for (String task : TASKS) {
      gauge(registry, "collections.tasks.open", "Open tasks per queue (task definition key)",
          s -> queue(s, task).open(), "task", task);
      gauge(registry, "collections.tasks.unassigned", "Open tasks nobody has claimed",
          s -> queue(s, task).unassigned(), "task", task);
      gauge(registry, "collections.tasks.past.due", "Open tasks past their due date or their queue's allowed wait",
          s -> queue(s, task).pastDeadline(), "task", task);
      gauge(registry, "collections.tasks.follow.up.due", "Open tasks whose follow-up date has come",
          s -> queue(s, task).followUpDue(), "task", task);
    }
    for (String group : Labels.GROUPS.keySet()) {
      gauge(registry, "collections.tasks.open.group", "Open tasks in a candidate group's queue",
          s -> MetricsSnapshot.get(s.tasksByCandidateGroup(), group), "group", group);
    }
    for (String type : INCIDENT_TYPES) {
      gauge(registry, "collections.incidents.open", "Open incidents, all processes",
          s -> MetricsSnapshot.get(s.incidentsByType(), type), "type", type);
    }
    for (String state : JOB_STATES) {
      gauge(registry, "collections.jobs", "Job executor backlog, all processes: due and unlocked, locked, "
          + "out of retries, scheduled for later", s -> jobs(s.jobs(), state), "state", state);
    }
    for (String team : CollectionGroups.TEAMS) {
      gauge(registry, "collections.cases.open.team", "Open cases of a team, owned or in its pool",
          s -> s.team(team).map(DashboardData.Team::openCases).orElse(0L), "team", team);
      gauge(registry, "collections.cases.pooled.team", "Open cases waiting unowned in a team's pool",
          s -> s.team(team).map(DashboardData.Team::pooled).orElse(0L), "team", team);
      gauge(registry, "collections.amount.outstanding.team", "Overdue amount still unpaid on a team's open cases, CNY",
          s -> s.team(team).map(t -> t.amountOutstanding().doubleValue()).orElse(0.0), "team", team);
      gauge(registry, "collections.promises.kept.ratio", "Promises to pay on a team's cases kept per promise decided "
          + "in the dashboard's window (collections.operations.window, by decision time); NaN while none was decided",
          s -> s.promiseToPayKeptRate(team), "team", team);
    }
    for (RollRates.Transition t : RollRates.TRANSITIONS) {
      String key = RollRates.key(t.from(), t.to());
      counter(registry, "collections.cases.bucket.moves", "Bucket moves (迁徙) recorded, by transition",
          s -> MetricsSnapshot.get(s.bucketMoves(), key), "from", t.from(), "to", t.to());
    }
    MultiGauge agents = MultiGauge.builder("collections.cases.open.agent")
        .description("Open cases an agent owns, by team").register(registry);
    snapshots.whenComputed(snapshot -> agents.register(snapshot.teams().stream()
        .flatMap(team -> team.agents().stream().map(a -> MultiGauge.Row.of(
            Tags.of("team", team.team(), "agent", a.agent()), snapshots,
            s -> s.current().openCases(team.team(), a.agent()))))
        .toList(), true));
    snapshots.timeWith(Timer.builder("collections.kpi.query").tag("figures", "metrics")
        .description("Time to compute business figures from the database").register(registry));
  }

  private static long jobs(EngineFigures.Jobs jobs, String state) {
    return switch (state) {
      case "due" -> jobs.due();
      case "locked" -> jobs.locked();
      case "failed" -> jobs.failed();
      default -> jobs.scheduled();
    };
  }

  private static EngineFigures.QueueLoad queue(MetricsSnapshot s, String task) {
    return s.queues().getOrDefault(task, new EngineFigures.QueueLoad(task, 0, 0, 0, 0));
  }

  private void counter(MeterRegistry registry, String name, String description,
      ToDoubleFunction<MetricsSnapshot> value, String... tags) {
    FunctionCounter.builder(name, snapshots, s -> value.applyAsDouble(s.current()))
        .description(description).tags(tags).register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String description,
      ToDoubleFunction<MetricsSnapshot> value, String... tags) {
    Gauge.builder(name, snapshots, s -> value.applyAsDouble(s.current()))
        .description(description).tags(tags).strongReference(true).register(registry);
  }
}
