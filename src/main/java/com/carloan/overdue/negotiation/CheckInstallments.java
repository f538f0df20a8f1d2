package com.carloan.overdue.negotiation;

import static com.carloan.overdue.process.CaseVariables.*;

import com.carloan.overdue.process.CaseSettings;
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
  private final CaseSettings settings;

  CheckInstallments(RepaymentAgreements agreements, CaseSettings settings) {
    this.agreements = agreements;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var result = agreements.check((String) execution.getVariable(LOAN_ID), settings.installmentGrace());
    execution.setVariable(INSTALLMENT_CHECK, result.status().name());
    execution.setVariable(NEXT_INSTALLMENT_CHECK, result.nextCheck() == null ? null : Date.from(result.nextCheck()));
    if (result.status() == RepaymentAgreements.Check.BROKEN) {
      Number before = (Number) execution.getVariable(BROKEN_PROMISES);
      execution.setVariable(BROKEN_PROMISES, (before == null ? 0 : before.intValue()) + 1);
    }
  }
}
