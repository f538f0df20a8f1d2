package com.carloan.overdue.communication;

import static com.carloan.overdue.process.CaseVariables.CALL_NOTES;
import static com.carloan.overdue.process.CaseVariables.CONTACT_RESULT;
import static com.carloan.overdue.process.CaseVariables.LOAN_ID;

import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.process.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code callBorrower}: the call and the agent's notes become evidence in the
 * encrypted chain, and the process variable keeps only a pointer to it (see {@link RedactedHistory}).
 */
@Component("recordCallNotes")
class RecordCallNotes implements TaskListener {

  private final LoanCases cases;
  private final CommunicationLog log;

  RecordCallNotes(LoanCases cases, CommunicationLog log) {
    this.cases = cases;
    this.log = log;
  }

  @Override
  public void notify(DelegateTask task) {
    Object notes = task.getVariable(CALL_NOTES);
    String content = "致电结果 call result: " + task.getVariable(CONTACT_RESULT)
        + (notes == null || notes.toString().isBlank() ? "" : "\n" + notes.toString().strip());
    String agent = TaskActors.completingUser(task);
    Communication saved = log.append(cases.requireActive((String) task.getVariable(LOAN_ID)),
        CommunicationLog.Channel.PHONE, CommunicationLog.Direction.OUTBOUND, content, agent == null ? "unknown" : agent);
    if (notes != null) {
      task.setVariable(CALL_NOTES, "通话记录已加密存档 · communication #" + saved.seq());
    }
  }
}
