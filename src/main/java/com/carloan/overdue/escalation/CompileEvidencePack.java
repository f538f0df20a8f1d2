package com.carloan.overdue.escalation;

import static com.carloan.overdue.process.CaseVariables.EVIDENCE_PACK_ID;
import static com.carloan.overdue.process.CaseVariables.LOAN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code compileEvidencePack} (整理证据材料), before the case goes to legal staff. */
@Component("compileEvidencePack")
class CompileEvidencePack implements JavaDelegate {

  private final EvidencePacks packs;

  CompileEvidencePack(EvidencePacks packs) {
    this.packs = packs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(EVIDENCE_PACK_ID, packs.compile((String) execution.getVariable(LOAN_ID), execution.getVariables()));
  }
}
