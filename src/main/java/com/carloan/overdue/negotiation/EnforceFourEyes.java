package com.carloan.overdue.negotiation;

import static com.carloan.overdue.process.CaseVariables.NEGOTIATED_BY;

import com.carloan.overdue.process.TaskActors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of {@code approvePlan}: the approver must be known and must not be the negotiator. */
@Component("enforceFourEyes")
class EnforceFourEyes implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String approver = TaskActors.completingUser(task);
    if (approver == null) {
      throw new BadUserRequestException("A plan can only be approved by a logged-in user");
    }
    if (approver.equals(task.getVariable(NEGOTIATED_BY))) {
      throw new BadUserRequestException(
          "Four-eyes rule: " + approver + " negotiated this plan and cannot approve it; another supervisor must");
    }
  }
}
