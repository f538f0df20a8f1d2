package com.carloan.overdue.operations;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures, as {@code GET /dashboard/data} returns them; every label in Chinese and English. Every
 * rate is null where its denominator is zero: no data is not 0 %.
 */
record DashboardData(
    Instant generatedAt,
    int windowDays,
    Open open,
    Recovered recovered,
    List<StageCount> funnel,
    Outcomes outcomes,
    Promises promises,
    PromisesToPay promisesToPay,
    Complaints complaints,
    List<ReasonCount> escalations,
    Contact contact,
    List<QueueRow> queues,
    List<Team> teams,
    List<RollRateMonth> rollRates) {

  /** Amount due net of approved waivers; {@code amountWaived} apart, never counted as repaid. */
  record Open(long cases, BigDecimal amountDue, BigDecimal amountRepaid, BigDecimal amountOutstanding,
      BigDecimal amountWaived) {}

  /** Payments on cases, open or closed, paid in the window (see {@link CaseFigures#received}). */
  record Recovered(BigDecimal amount, long payments) {}

  record StageCount(String stage, String zh, String en, long cases) {}

  /** Cases closed in the window: per day and outcome, totals per outcome, and the recovery rate. */
  record Outcomes(List<Day> days, List<OutcomeTotal> totals, long cases, BigDecimal amountDue,
      BigDecimal amountRepaid, Double recoveryRate) {}

  record Day(LocalDate date, Map<String, Long> casesByOutcome, BigDecimal amountDue, BigDecimal amountRepaid,
      Double recoveryRate) {}

  record OutcomeTotal(String outcome, String zh, String en, long cases, BigDecimal amountDue,
      BigDecimal amountRepaid) {}

  /**
   * Repayment plans (还款计划) agreed in the window, and their installment checks in it: kept (settled or
   * fulfilled while on the plan) or broken. Not the promises to pay of the collection record: {@link PromisesToPay}.
   */
  record Promises(long made, long kept, long broken, Double keptRate) {}

  /**
   * Promises to pay (承诺还款) recorded with collection notes: {@code open} now, and those decided in the window (by
   * the sweep's {@code decided_at}) kept or broken; keptRate = kept / (kept + broken).
   */
  record PromisesToPay(long open, long kept, long broken, Double keptRate) {}

  /** Promises to pay decided in the window, of a team or an agent in it ({@link RecordFigures.DecidedPromises}). */
  record PromiseOutcomes(long kept, long broken, Double keptRate) {}

  /** Complaints not yet handled, on any case; overdue: past their handling deadline (15 days after receipt). */
  record Complaints(long open, long overdue) {}

  record ReasonCount(String reason, String zh, String en, long escalations) {}

  /** Cases asked to add the WeCom account in the window, and adds in it. */
  record Contact(long requests, long casesAsked, long adds, Double rightPartyContactRate) {}

  record QueueRow(String task, String name, List<String> candidateGroups, long open, long unassigned,
      long pastDeadline, long followUpDue) {}

  /**
   * A team's open cases (owned and in its pool) and amounts as in {@link Open}, its promises to pay decided in the
   * window, and its agents.
   */
  record Team(String team, String zh, String en, long openCases, long pooled, BigDecimal amountDue,
      BigDecimal amountRepaid, BigDecimal amountOutstanding, PromiseOutcomes promisesToPay, List<Agent> agents) {}

  /**
   * An agent's open owned cases, the payments collected on their cases this business month, and the promises to pay
   * they made on the team's cases that were decided in the window.
   */
  record Agent(String agent, long openCases, BigDecimal amountDue, BigDecimal amountRepaid,
      BigDecimal amountOutstanding, BigDecimal recoveredThisMonth, PromiseOutcomes promisesToPay) {}

  /** One business month ({@code yyyy-MM}) of roll rates, see {@link RollRates}. */
  record RollRateMonth(String month, List<Roll> transitions) {}

  /** {@code rate} = moved / inFromBucket; null where no case was in the from-bucket that month. */
  record Roll(String from, String to, long inFromBucket, long moved, Double rate) {}
}
