package com.carloan.overdue.contact;

import static com.carloan.overdue.process.CaseVariables.CASE_OWNER;
import static com.carloan.overdue.process.CaseVariables.CONTACT_ATTEMPTS;
import static com.carloan.overdue.process.CaseVariables.LOAN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code requestWeChatContact} (要求加企业微信): the WeCom entry and the SMS that asks to add it. */
@Component("requestWeChatContact")
class RequestWeChatContact implements JavaDelegate {

  private final BorrowerContact contact;

  RequestWeChatContact(BorrowerContact contact) {
    this.contact = contact;
  }

  @Override
  public void execute(DelegateExecution execution) {
    contact.requestWeChatContact((String) execution.getVariable(LOAN_ID), (String) execution.getVariable(CASE_OWNER));
    Number sent = (Number) execution.getVariable(CONTACT_ATTEMPTS);
    execution.setVariable(CONTACT_ATTEMPTS, (sent == null ? 0 : sent.intValue()) + 1);
  }
}
