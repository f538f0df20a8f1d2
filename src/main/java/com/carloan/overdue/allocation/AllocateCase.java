package com.carloan.overdue.allocation;

import static com.carloan.overdue.process.CaseVariables.BUCKET;
import static com.carloan.overdue.process.CaseVariables.CASE_OWNER;
import static com.carloan.overdue.process.CaseVariables.LOAN_ID;
import static com.carloan.overdue.process.CaseVariables.TEAM;

import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code allocateCase} (分案): before its first agent task the case gets its team (decision
 * {@code caseAllocation}) and its owner, or waits unowned in the team's pool.
 */
@Component("allocateCase")
class AllocateCase implements JavaDelegate {

  private final Allocation allocation;
  private final LoanCases cases;

  AllocateCase(Allocation allocation, LoanCases cases) {
    this.allocation = allocation;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LoanCase c = cases.requireActive((String) execution.getVariable(LOAN_ID));
    Ownership placed = allocation.allocateNew(c, execution.getProcessInstanceId());
    execution.setVariable(TEAM, placed.team());
    execution.setVariable(CASE_OWNER, placed.owner());
    execution.setVariable(BUCKET, placed.bucket().name());
  }
}
