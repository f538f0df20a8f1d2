package com.carloan.overdue.operations;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every business figure the Prometheus endpoint shows, computed from the database in one go. Totals
 * ("_total" counters) count since the first case; they only fall when Camunda's history cleanup
 * removes old cases, which Prometheus treats as a counter reset.
 */
record MetricsSnapshot(
    Map<String, Long> openedByAssessment,
    Map<String, Long> closedByOutcome,
    Map<String, Long> escalatedByReason,
    Map<String, Long> openByStage,
    long openCases,
    BigDecimal amountDue,
    BigDecimal amountRecovered,
    BigDecimal amountOutstanding,
    BigDecimal amountWaived,
    long promisesMade,
    long promisesKept,
    long promisesBroken,
    long weComRequests,
    long weComCasesAsked,
    long weComAdds,
    Map<String, EngineFigures.QueueLoad> queues,
    Map<String, Long> tasksByCandidateGroup,
    Map<String, Long> incidentsByType,
    EngineFigures.Jobs jobs,
    List<DashboardData.Team> teams,
    Map<String, Long> bucketMoves,
    Map<String, Long> promisesToPayByStatus,
    long complaintsOpen,
    long complaintsOverdue) {

  /** The team's row; a team without a row has no open case. */
  Optional<DashboardData.Team> team(String team) {
    return teams.stream().filter(t -> t.team().equals(team)).findFirst();
  }

  /** Open owned cases of the agent in the team; 0 once they own none there. */
  long openCases(String team, String agent) {
    return team(team).flatMap(t -> t.agents().stream().filter(a -> a.agent().equals(agent)).findFirst())
        .map(DashboardData.Agent::openCases).orElse(0L);
  }

  /**
   * The team's promises to pay kept per promise decided in the dashboard's window (see {@link DashboardData.Team}).
   * NaN while none was decided: no data, not 0 %.
   */
  double promiseToPayKeptRate(String team) {
    return team(team).map(t -> t.promisesToPay().keptRate()).map(Double::doubleValue).orElse(Double.NaN);
  }

  static String assessmentKey(String strategy, String riskLevel) {
    return strategy + "/" + riskLevel;
  }

  /**
   * Cases that added the company's WeCom account per case asked to: the right-party contact rate. NaN while no
   * case was asked (Prometheus's and Micrometer's "no value"): no data, not 0 %.
   */
  double rightPartyContactRate() {
    return weComCasesAsked == 0 ? Double.NaN : (double) weComAdds / weComCasesAsked;
  }

  static long get(Map<String, Long> counts, String key) {
    return counts.getOrDefault(key, 0L);
  }
}
