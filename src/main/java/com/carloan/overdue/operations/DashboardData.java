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
    List<ReasonCount> escalations,
    Contact contact,
    List<QueueRow> queues,
    List<Team> teams,
    List<RollRateMonth> rollRates) {

  record Open(long cases, BigDecimal amountDue, BigDecimal amountRepaid, BigDecimal amountOutstanding) {}

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

  /** Plans agreed in the window, and plans resolved in it: kept or broken. */
  record Promises(long made, long kept, long broken, Double keptRate) {}

  record ReasonCount(String reason, String zh, String en, long escalations) {}

  /** Cases asked to add the WeCom account in the window, and adds in it. */
  record Contact(long requests, long casesAsked, long adds, Double rightPartyContactRate) {}

  record QueueRow(String task, String name, List<String> candidateGroups, long open, long unassigned,
      long pastDeadline, long followUpDue) {}

  /** A team's open cases (owned and in its pool) and amounts as in {@link Open}, and its agents. */
  record Team(String team, String zh, String en, long openCases, long pooled, BigDecimal amountDue,
      BigDecimal amountRepaid, BigDecimal amountOutstanding, List<Agent> agents) {}

  /** An agent's open owned cases, and the payments collected on their cases this business month. */
  record Agent(String agent, long openCases, BigDecimal amountDue, BigDecimal amountRepaid,
      BigDecimal amountOutstanding, BigDecimal recoveredThisMonth) {}

  /** One business month ({@code yyyy-MM}) of roll rates, see {@link RollRates}. */
  record RollRateMonth(String month, List<Roll> transitions) {}

  /** {@code rate} = moved / inFromBucket; null where no case was in the from-bucket that month. */
  record Roll(String from, String to, long inFromBucket, long moved, Double rate) {}
}
