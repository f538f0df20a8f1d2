package com.carloan.overdue.record.complaint;

import static com.carloan.overdue.process.CaseVariables.COMPLAINT_ID;
import static com.carloan.overdue.process.CaseVariables.COMPLAINT_RESOLUTION;
import static com.carloan.overdue.process.CaseVariables.COMPLAINT_RESPONSE;
import static com.carloan.overdue.process.CaseVariables.LOAN_ID;

import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.process.AsApplication;
import com.carloan.overdue.process.TaskActors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code handleComplaint}: the supervisor's answer goes to the complaint, encrypted; the
 * complaint's pause is lifted (the case resumes unless another pause stands); an upheld complaint about the
 * agent's conduct gives the case to another agent. The answer's text does not stay a process variable.
 */
@Component("recordComplaintHandling")
class RecordComplaintHandling implements TaskListener {

  private final LoanCases cases;
  private final Complaints complaints;
  private final IdentityService identity;

  RecordComplaintHandling(LoanCases cases, Complaints complaints, IdentityService identity) {
    this.cases = cases;
    this.complaints = complaints;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    long complaintId = ((Number) task.getVariable(COMPLAINT_ID)).longValue();
    ComplaintRules.Resolution resolution = ComplaintRules.Resolution.valueOf((String) task.getVariable(COMPLAINT_RESOLUTION));
    Object response = task.getVariable(COMPLAINT_RESPONSE);
    String by = TaskActors.completingUser(task);
    AsApplication.run(identity, () -> complaints.handle(cases.requireActive((String) task.getVariable(LOAN_ID)),
        complaintId, resolution, response == null ? null : response.toString(), by == null ? "unknown" : by));
    task.removeVariable(COMPLAINT_RESPONSE);
  }
}
