package com.carloan.overdue.negotiation;

import static com.carloan.overdue.process.CaseVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code checkInstallments}: behind schedule is a broken promise. The first one goes back to
 * negotiation, the second escalates (the gateway after this task reads {@code brokenPromises}).
 */
@Component("checkInstallments")
class CheckInstallments implements JavaDelegate {

  private final RepaymentAgreements agreements;

  CheckInstallments(RepaymentAgreements agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var result = agreements.check((String) execution.getVariable(LOAN_ID), RecordAgreement.grace(execution));
    execution.setVariable(INSTALLMENT_CHECK, result.status().name());
    execution.setVariable(NEXT_INSTALLMENT_CHECK, result.nextCheck() == null ? null : Date.from(result.nextCheck()));
    if (result.status() == RepaymentAgreements.Check.BROKEN) {
      execution.setVariable(BROKEN_PROMISES, ((Number) execution.getVariable(BROKEN_PROMISES)).intValue() + 1);
    }
  }
}
