package com.carloan.overdue.contact;

import static com.carloan.overdue.process.CaseVariables.LOAN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code sendPaymentReminder}: one SMS, then the case waits {@code reminderWait} for self-cure. */
@Component("sendPaymentReminder")
class SendPaymentReminder implements JavaDelegate {

  private final BorrowerContact contact;

  SendPaymentReminder(BorrowerContact contact) {
    this.contact = contact;
  }

  @Override
  public void execute(DelegateExecution execution) {
    contact.sendPaymentReminder((String) execution.getVariable(LOAN_ID));
  }
}
