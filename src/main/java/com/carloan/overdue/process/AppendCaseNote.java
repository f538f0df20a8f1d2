package com.carloan.overdue.process;

import static com.carloan.overdue.process.CaseVariables.*;

import com.carloan.overdue.common.BusinessClock;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of every user task: appends what the worker decided and wrote to {@code caseNotes},
 * the "earlier notes" every form shows.
 */
@Component("appendCaseNote")
class AppendCaseNote implements TaskListener {


  /** Per task: the variable holding its decision, and the one holding its free-text note. */
  private static final Map<String, String[]> FIELDS = Map.of(
      "reviewAssessment", new String[] {STRATEGY, REVIEW_NOTES},
      "callBorrower", new String[] {CONTACT_RESULT, CALL_NOTES},
      "verifyBorrower", new String[] {OVERDUE_REASON, VERIFICATION_NOTES},
      "negotiatePlan", new String[] {NEGOTIATION_OUTCOME, NEGOTIATION_NOTES},
      "approvePlan", new String[] {PLAN_APPROVED, APPROVAL_COMMENT},
      "reviewEscalation", new String[] {ESCALATION_ACTION, ESCALATION_NOTES},
      "handleLitigation", new String[] {LITIGATION_RESULT, LITIGATION_NOTES},
      "repossessVehicle", new String[] {REPOSSESSION_RESULT, REPOSSESSION_NOTES});

  private final BusinessClock clock;

  AppendCaseNote(BusinessClock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String[] fields = FIELDS.get(task.getTaskDefinitionKey());
    if (fields == null) {
      return;
    }
    Object decision = task.getVariable(fields[0]);
    Object note = task.getVariable(fields[1]);
    String who = TaskActors.completingUser(task);
    String what = fields[0] + "=" + decision + (note == null || note.toString().isBlank() ? "" : " — " + note.toString().strip());
    task.setVariable(CASE_NOTES, EarlierNotes.appended((String) task.getVariable(CASE_NOTES),
        EarlierNotes.line(clock.now(), TaskNaming.stepName(task), who, what)));
  }
}
