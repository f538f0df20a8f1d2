package com.carloan.overdue.negotiation;

import static com.carloan.overdue.process.CaseVariables.*;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.process.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code negotiatePlan}: refuses terms that cannot be scheduled (nothing moves),
 * writes them back typed, decides whether the plan needs approval and remembers who negotiated it.
 */
@Component("reviewPlanTerms")
class ReviewPlanTerms implements TaskListener {

  private final ApprovalPolicy approval;
  private final BusinessClock clock;

  ReviewPlanTerms(ApprovalPolicy approval, BusinessClock clock) {
    this.approval = approval;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Object outcome = task.getVariable(NEGOTIATION_OUTCOME); // AGREED or FAILED, checked by TaskInputs
    task.setVariable(NEGOTIATED_BY, TaskActors.completingUser(task));
    if ("FAILED".equals(outcome)) {
      return;
    }
    PlanTerms terms = PlanTerms.parse(task.getVariable(PLAN_TYPE), task.getVariable(INSTALLMENT_COUNT),
        task.getVariable(DEFERRAL_DAYS), task.getVariable(FIRST_DUE_DATE), clock.today());
    task.setVariable(PLAN_TYPE, terms.type().name());
    task.setVariable(INSTALLMENT_COUNT, terms.installmentCount());
    task.setVariable(DEFERRAL_DAYS, terms.deferralDays());
    task.setVariable(FIRST_DUE_DATE, terms.firstDueDate().toString());
    task.setVariable(APPROVAL_REQUIRED, approval.needsApproval(terms));
  }
}
