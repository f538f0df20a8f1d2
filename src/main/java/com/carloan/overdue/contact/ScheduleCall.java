package com.carloan.overdue.contact;

import static com.carloan.overdue.process.CaseVariables.LOAN_ID;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of {@code callBorrower}: the call counts as an attempt, and its follow-up date is the
 * first moment the agent may dial (08:00 when the task appears in quiet hours, the next day when the
 * borrower's attempts for today are used up).
 */
@Component("scheduleCall")
class ScheduleCall implements TaskListener {

  private final BorrowerContact contact;

  ScheduleCall(BorrowerContact contact) {
    this.contact = contact;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setFollowUpDate(Date.from(contact.scheduleCall((String) task.getVariable(LOAN_ID))));
  }
}
