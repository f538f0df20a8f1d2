package com.carloan.overdue.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is completing a task: the logged-in user (Tasklist, REST), else the task's assignee. */
public final class TaskActors {

  private TaskActors() {}

  public static String completingUser(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return task.getAssignee();
  }
}
