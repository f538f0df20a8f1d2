package com.carloan.overdue.operations;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The events of {@code carLoanOverdue} that business figures count, by element id (CONTRACT §1), and
 * how their ended activity instances add up. Shared by the metrics and the dashboard, so both count a
 * promise or an escalation the same way.
 */
final class ProcessEvents {

  static final String WECOM_REQUEST = "requestWeChatContact";
  /** The borrower added WeCom after the call, or while the call task was still open. */
  static final List<String> WECOM_ADDED = List.of("weChatContactAdded", "weChatAddedDuringCall");
  static final String PROMISE_BROKEN = "brokenPromiseGateway";
  /** A plan is kept when the debt is settled while the case waits for its next installment, or when it completes. */
  static final String WAITING_FOR_INSTALLMENT = "installmentDue";
  static final String PLAN_FULFILLED = "planFulfilled";

  private ProcessEvents() {}

  static Set<String> counted(Map<String, String> escalationEndEvents) {
    Set<String> ids = new TreeSet<>(escalationEndEvents.keySet());
    ids.add(WECOM_REQUEST);
    ids.addAll(WECOM_ADDED);
    ids.add(PROMISE_BROKEN);
    ids.add(WAITING_FOR_INSTALLMENT);
    ids.add(PLAN_FULFILLED);
    return ids;
  }

  /** Sums of ended activity instances, read the way the figures define them. */
  record Tally(Map<String, Long> escalationsByReason, long weComRequests, long weComCasesAsked, long weComAdds,
      long promisesKept, long promisesBroken) {

    static Tally of(List<EngineFigures.ActivityCount> counts, Map<String, String> escalationEndEvents) {
      Map<String, Long> reasons = new java.util.HashMap<>();
      long requests = 0;
      long asked = 0;
      long adds = 0;
      long kept = 0;
      long broken = 0;
      for (EngineFigures.ActivityCount c : counts) {
        String id = c.activityId();
        if (escalationEndEvents.containsKey(id)) {
          reasons.merge(escalationEndEvents.get(id), c.instances(), Long::sum);
        } else if (id.equals(WECOM_REQUEST) && c.state() != EngineFigures.CANCELED) {
          requests += c.instances();
          asked += c.cases();
        } else if (WECOM_ADDED.contains(id) && c.state() != EngineFigures.CANCELED) {
          adds += c.instances();
        } else if (id.equals(PROMISE_BROKEN)) {
          broken += c.instances();
        } else if (id.equals(WAITING_FOR_INSTALLMENT) && c.state() == EngineFigures.CANCELED
            || id.equals(PLAN_FULFILLED)) {
          kept += c.instances();
        }
      }
      return new Tally(Map.copyOf(reasons), requests, asked, adds, kept, broken);
    }
  }
}
