package com.carloan.overdue.process;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Listener of every user task ({@code ${taskInputs}}): on create it clears the task's decision variables
 * from an earlier round; on complete it refuses values outside {@link TaskInputRules}, and nothing moves.
 */
@Component("taskInputs")
class TaskInputs implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      TaskInputRules.decisions(key).forEach(task::removeVariable);
      return;
    }
    List<String> problems = TaskInputRules.problems(key, task::getVariable);
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(task.getName() + ": " + String.join("; ", problems));
    }
  }
}
