package com.carloan.overdue.escalation;

import static com.carloan.overdue.process.CaseVariables.LOAN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code notifyCreditReport} (征信报送前告知). */
@Component("notifyCreditReport")
class NotifyCreditReport implements JavaDelegate {

  private final CreditReportNotices notices;

  NotifyCreditReport(CreditReportNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.notifyOnce((String) execution.getVariable(LOAN_ID));
  }
}
