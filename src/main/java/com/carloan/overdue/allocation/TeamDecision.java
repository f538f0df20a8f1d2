package com.carloan.overdue.allocation;

import java.math.BigDecimal;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Decision {@code caseAllocation} (processes/case-allocation.dmn, which process owners edit): the team of a
 * case from its bucket, overdue amount and region, the latest deployed version each time.
 */
@Component
class TeamDecision {

  static final String DECISION_KEY = "caseAllocation";

  private final DecisionService decisions;

  TeamDecision(DecisionService decisions) {
    this.decisions = decisions;
  }

  String teamFor(Bucket bucket, BigDecimal overdueAmount, String vehiclePlate) {
    DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION_KEY)
        .variables(inputs(bucket, overdueAmount, vehiclePlate))
        .evaluate()
        .getFirstResult();
    Object team = result == null ? null : result.getEntry("team");
    if (!(team instanceof String name) || name.isBlank()) {
      throw new IllegalStateException("Decision " + DECISION_KEY + " names no team for bucket " + bucket
          + ": every case must match a rule");
    }
    return name;
  }

  /** The decision's inputs (CONTRACT §4): bucket, overdue amount, region. */
  static VariableMap inputs(Bucket bucket, BigDecimal overdueAmount, String vehiclePlate) {
    return Variables.createVariables()
        .putValue("bucket", bucket.name())
        .putValue("overdueAmount", overdueAmount.doubleValue())
        .putValue("region", region(vehiclePlate));
  }

  /** The region of a Chinese plate is its first character, the province's abbreviation (京A12345 → 京). */
  static String region(String vehiclePlate) {
    return vehiclePlate == null || vehiclePlate.isEmpty() ? "" : vehiclePlate.substring(0, vehiclePlate.offsetByCodePoints(0, 1));
  }
}
