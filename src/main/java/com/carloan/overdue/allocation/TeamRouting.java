package com.carloan.overdue.allocation;

import com.carloan.overdue.intake.CaseIntake;
import com.carloan.overdue.intake.ImportRouting;
import com.carloan.overdue.process.DetachedDecisions;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

/**
 * The import's routing hint (see {@link ImportRouting}): decision {@code caseAllocation} as deployed now,
 * evaluated on a detached DMN engine, so that the hint leaves no decision history; the case's own allocation
 * evaluates it again through the process engine, which records it.
 */
@Component
class TeamRouting implements ImportRouting {

  private final DetachedDecisions decisions;

  TeamRouting(DetachedDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public Function<CaseIntake, String> teamsForThisImport() {
    DmnDecision table = decisions.latestDeployed(TeamDecision.DECISION_KEY).stream()
        .filter(d -> TeamDecision.DECISION_KEY.equals(d.getKey())).findFirst()
        .orElseThrow(() -> new IllegalStateException("decision " + TeamDecision.DECISION_KEY + " is not deployed"));
    return intake -> {
      try {
        DmnDecisionResultEntries first = decisions.engine().evaluateDecision(table,
            TeamDecision.inputs(Bucket.of(intake.daysPastDue()), intake.overdueAmount(), intake.vehicle().plate()))
            .getFirstResult();
        Object team = first == null ? null : first.getEntry("team");
        return team == null ? "" : team.toString();
      } catch (RuntimeException e) {
        // a hint only: the case's own allocation meets the same problem and reports it for that case
        return "";
      }
    };
  }
}
