package com.carloan.overdue.operations;

import java.math.BigDecimal;
import java.util.Map;

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
    long promisesMade,
    long promisesKept,
    long promisesBroken,
    long weComRequests,
    long weComCasesAsked,
    long weComAdds,
    Map<String, EngineFigures.QueueLoad> queues,
    Map<String, Long> tasksByCandidateGroup,
    Map<String, Long> incidentsByType,
    EngineFigures.Jobs jobs) {

  static String assessmentKey(String strategy, String riskLevel) {
    return strategy + "/" + riskLevel;
  }

  /** Cases that added the company's WeCom account per case asked to: the right-party contact rate. */
  double rightPartyContactRate() {
    return weComCasesAsked == 0 ? 0 : (double) weComAdds / weComCasesAsked;
  }

  static long get(Map<String, Long> counts, String key) {
    return counts.getOrDefault(key, 0L);
  }
}
