package com.carloan.overdue.process;

import static com.carloan.overdue.process.CaseVariables.BROKEN_PROMISE_AMOUNT;
import static com.carloan.overdue.process.CaseVariables.BROKEN_PROMISE_DATE;
import static com.carloan.overdue.process.CaseVariables.BROKEN_PROMISE_ID;
import static com.carloan.overdue.process.CaseVariables.BROKEN_PROMISE_PAID;
import static com.carloan.overdue.process.CaseVariables.COMPLAINT_CATEGORY;
import static com.carloan.overdue.process.CaseVariables.COMPLAINT_CHANNEL;
import static com.carloan.overdue.process.CaseVariables.COMPLAINT_DUE_DATE;
import static com.carloan.overdue.process.CaseVariables.COMPLAINT_ID;
import static com.carloan.overdue.process.CaseVariables.COMPLAINT_RECEIVED_AT;
import static com.carloan.overdue.process.CaseVariables.WAIVER_AMOUNT;
import static com.carloan.overdue.process.CaseVariables.WAIVER_APPROVERS;
import static com.carloan.overdue.process.CaseVariables.WAIVER_ID;
import static com.carloan.overdue.process.CaseVariables.WAIVER_KIND;
import static com.carloan.overdue.process.CaseVariables.WAIVER_REASON;
import static com.carloan.overdue.process.CaseVariables.WAIVER_REQUESTED_BY;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of the tasks an event opens beside the case's path ({@code followUpPromise},
 * {@code handleComplaint}, {@code approveWaiver}): what the event's message brought (the broken promise, the
 * complaint, the waiver) becomes the
 * task's own variables, so a second event of the case opens its own task without changing what the first shows.
 */
@Component("taskLocalContext")
class TaskLocalContext implements TaskListener {

  private static final Map<String, List<String>> CONTEXT = Map.of(
      "followUpPromise", List.of(BROKEN_PROMISE_ID, BROKEN_PROMISE_AMOUNT, BROKEN_PROMISE_DATE, BROKEN_PROMISE_PAID),
      "handleComplaint", List.of(COMPLAINT_ID, COMPLAINT_CHANNEL, COMPLAINT_CATEGORY, COMPLAINT_RECEIVED_AT,
          COMPLAINT_DUE_DATE),
      "approveWaiver", List.of(WAIVER_ID, WAIVER_KIND, WAIVER_AMOUNT, WAIVER_REASON, WAIVER_REQUESTED_BY,
          WAIVER_APPROVERS));

  @Override
  public void notify(DelegateTask task) {
    for (String name : CONTEXT.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
      Object value = task.getVariable(name);
      task.removeVariable(name);
      task.setVariableLocal(name, value);
    }
  }
}
