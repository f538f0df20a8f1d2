package com.carloan.overdue.allocation;

import static com.carloan.overdue.process.CaseVariables.BUCKET;
import static com.carloan.overdue.process.CaseVariables.CASE_OWNER;
import static com.carloan.overdue.process.CaseVariables.DAYS_PAST_DUE;
import static com.carloan.overdue.process.CaseVariables.TEAM;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Makes the running case follow its ownership row, in the same transaction: the variables {@code team},
 * {@code caseOwner} and {@code bucket} (which the BPMN's candidate groups and assignee read for the next
 * agent task) and the open agent tasks' assignee and team candidate group, which move with the case, and
 * with them who may see and work those tasks ({@link TaskGrants}).
 */
@Component
class CaseTasks {

  /** The tasks the case's owner works (CONTRACT §4); all others stay with their roles. */
  static final List<String> AGENT_TASKS = List.of("callBorrower", "verifyBorrower", "negotiatePlan", "followUpPromise");

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final TaskGrants grants;

  CaseTasks(RuntimeService runtime, TaskService tasks, TaskGrants grants) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.grants = grants;
  }

  void follow(Ownership now, String teamBefore) {
    runtime.setVariables(now.processInstanceId(), Variables.createVariables()
        .putValue(TEAM, now.team())
        .putValue(CASE_OWNER, now.owner())
        .putValue(BUCKET, now.bucket().name()));
    for (Task task : openAgentTasks(now.processInstanceId())) {
      if (teamBefore != null && !teamBefore.equals(now.team())) {
        moveCandidateGroup(task.getId(), teamBefore, now.team());
      }
      if (!same(task.getAssignee(), now.owner())) {
        tasks.setAssignee(task.getId(), now.owner());
      }
      grants.beforeCommit(task.getId());
    }
  }

  void regrant(String taskId) {
    grants.beforeCommit(taskId);
  }

  void daysPastDue(String processInstanceId, int daysPastDue) {
    runtime.setVariable(processInstanceId, DAYS_PAST_DUE, daysPastDue);
  }

  List<Task> openAgentTasks(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKeyIn(AGENT_TASKS.toArray(String[]::new)).list();
  }

  private void moveCandidateGroup(String taskId, String from, String to) {
    boolean hasTarget = false;
    for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        if (link.getGroupId().equals(from)) {
          tasks.deleteCandidateGroup(taskId, from);
        } else if (link.getGroupId().equals(to)) {
          hasTarget = true;
        }
      }
    }
    if (!hasTarget) {
      tasks.addCandidateGroup(taskId, to);
    }
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
