package com.carloan.overdue.record.promise;

import static com.carloan.overdue.process.CaseVariables.BROKEN_PROMISE_AMOUNT;
import static com.carloan.overdue.process.CaseVariables.BROKEN_PROMISE_DATE;
import static com.carloan.overdue.process.CaseVariables.BROKEN_PROMISE_ID;
import static com.carloan.overdue.process.CaseVariables.BROKEN_PROMISE_PAID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of {@code followUpPromise}: the broken promise it follows up (sent with message
 * {@code PromiseBroken}) becomes the task's own, so a second broken promise of the case opens its own task
 * without changing what the first one shows.
 */
@Component("promiseFollowUp")
class PromiseFollowUp implements TaskListener {

  private static final List<String> PROMISE = List.of(BROKEN_PROMISE_ID, BROKEN_PROMISE_AMOUNT, BROKEN_PROMISE_DATE,
      BROKEN_PROMISE_PAID);

  @Override
  public void notify(DelegateTask task) {
    for (String name : PROMISE) {
      Object value = task.getVariable(name);
      task.removeVariable(name);
      task.setVariableLocal(name, value);
    }
  }
}
