package com.carloan.overdue.negotiation;

import static com.carloan.overdue.process.CaseVariables.*;

import com.carloan.overdue.process.CaseSettings;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code recordAgreement} (还款协议): stores the schedule, confirms it, sets the first check. */
@Component("recordAgreement")
class RecordAgreement implements JavaDelegate {

  private final RepaymentAgreements agreements;
  private final CaseSettings settings;

  RecordAgreement(RepaymentAgreements agreements, CaseSettings settings) {
    this.agreements = agreements;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The date was checked against the calendar when the plan was negotiated; an approval days later keeps it.
    PlanTerms terms = PlanTerms.parse(execution.getVariable(PLAN_TYPE), execution.getVariable(INSTALLMENT_COUNT),
        execution.getVariable(DEFERRAL_DAYS), execution.getVariable(FIRST_DUE_DATE), LocalDate.MIN);
    var firstCheck = agreements.record((String) execution.getVariable(LOAN_ID), terms,
        (String) execution.getVariable(NEGOTIATED_BY), settings.installmentGrace());
    execution.setVariable(NEXT_INSTALLMENT_CHECK, Date.from(firstCheck));
  }
}
