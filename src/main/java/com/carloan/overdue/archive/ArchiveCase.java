package com.carloan.overdue.archive;

import static com.carloan.overdue.process.CaseVariables.CASE_OUTCOME;
import static com.carloan.overdue.process.CaseVariables.LOAN_ID;

import com.carloan.overdue.allocation.CaseOwners;
import com.carloan.overdue.record.pause.CasePauses;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code archiveCase} (记录与存档): every path of the case ends here. */
@Component("archiveCase")
class ArchiveCase implements JavaDelegate {

  private final CaseArchives archives;
  private final CaseOwners owners;
  private final CasePauses pauses;

  ArchiveCase(CaseArchives archives, CaseOwners owners, CasePauses pauses) {
    this.archives = archives;
    this.owners = owners;
    this.pauses = pauses;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseArchives.Sealed sealed = archives.seal((String) execution.getVariable(LOAN_ID), execution.getVariables());
    owners.close(sealed.caseId());
    pauses.close(sealed.caseId());
    execution.setVariable(CASE_OUTCOME, sealed.outcome());
  }
}
