package com.carloan.overdue.allocation;

import static com.carloan.overdue.process.CaseVariables.CASE_OWNER;
import static com.carloan.overdue.process.CaseVariables.COLLECTION_PAUSED;

import com.carloan.overdue.process.AsApplication;
import com.carloan.overdue.process.BeforeCommit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may see and work an agent task follows its case's ownership (CONTRACT §3, §4), not only its candidate
 * groups. The engine grants READ and TASK_WORK on a task to each of its candidate groups and to each user it was
 * ever assigned to, and never takes a grant back. For an owned case the team's grant would let every agent of
 * the team open a colleague's task from its link; and the groups' grants on every owned task make each rights
 * check of an agent (My tasks) or a supervisor (the pools, a list's variables) compare with tens of thousands of
 * grants at a team's size.
 *
 * <p>So, for an agent task:
 * <ul>
 *   <li>owned case: no group keeps a grant. Supervisors still read every task and assign it (their TASK grants
 *       on all tasks, {@code identity.GroupRights}); one who works it puts themselves in as its assignee, which
 *       gives them the engine's grant, as it does in Tasklist.</li>
 *   <li>case in the team's pool: each candidate group (the team, collection-supervisor) has its grant, created
 *       again after a recall, so the team's agents see the task and may claim it; a former team's goes.</li>
 *   <li>users keep theirs: an agent sees the cases they own or owned (§3), and a call submitted just as its
 *       case moves away still lands (workqueue.CompletionRetry).</li>
 *   <li>paused case (停催, record.pause.CasePauses): nobody keeps a grant, so no agent is offered a contact
 *       with the borrower; supervisors still see the task. On resume the owner's grant, or the pool's, comes back.</li>
 * </ul>
 * The candidate groups themselves stay as §4 names them. The engine writes its grants when its command ends,
 * so the narrowing runs just before the transaction commits, on the engine's public {@link AuthorizationService}.
 * Used as the agent tasks' {@code create} listener and by {@link CaseTasks} whenever a case moves (an
 * assignment in Tasklist that moves a case goes through {@link OwnerAssignment} and so there too).
 */
@Component("taskGrants")
class TaskGrants implements TaskListener {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final AuthorizationService authorizations;
  private final IdentityService identity;
  private final BeforeCommit narrowing;

  TaskGrants(TaskService tasks, RuntimeService runtime, AuthorizationService authorizations,
      IdentityService identity) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.authorizations = authorizations;
    this.identity = identity;
    // the caller's rights decided the change itself; keeping the engine's grants in step is the application's
    this.narrowing = new BeforeCommit(taskIds -> AsApplication.run(identity, () -> taskIds.forEach(this::narrow)));
  }

  @Override
  public void notify(DelegateTask task) {
    beforeCommit(task.getId());
  }

  /** Narrows the task's grants when the current transaction commits, once however often it is asked. */
  void beforeCommit(String taskId) {
    if (!BeforeCommit.inTransaction()) {
      throw new IllegalStateException("Task " + taskId + " changed outside a transaction; its grants cannot follow");
    }
    narrowing.add(taskId);
  }

  private void narrow(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return; // completed or deleted in the same transaction: the engine removed its grants with it
    }
    Map<String, Object> variables = runtime.getVariables(task.getProcessInstanceId(), List.of(CASE_OWNER, COLLECTION_PAUSED));
    boolean paused = Boolean.TRUE.equals(variables.get(COLLECTION_PAUSED));
    String owner = (String) variables.get(CASE_OWNER);
    Set<String> candidates = paused || owner != null ? Set.of() : candidateGroups(taskId);
    Set<String> granted = new HashSet<>();
    boolean ownerGranted = false;
    for (Authorization grant : authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.TASK).resourceId(taskId).list()) {
      if (paused) {
        authorizations.deleteAuthorization(grant.getId()); // nobody but supervisors works a paused case
      } else if (grant.getGroupId() == null) {
        ownerGranted |= grant.getUserId() != null && grant.getUserId().equals(owner);
      } else if (candidates.contains(grant.getGroupId())) {
        granted.add(grant.getGroupId());
      } else {
        authorizations.deleteAuthorization(grant.getId());
      }
    }
    for (String group : candidates) {
      if (!granted.contains(group)) {
        grant(taskId, group, null);
      }
    }
    if (!paused && owner != null && !ownerGranted) {
      grant(taskId, null, owner); // back after a pause, which took the owner's grant too
    }
  }

  // what the engine gives a candidate group or an assignee (defaultUserPermissionNameForTask: TASK_WORK)
  private void grant(String taskId, String groupId, String userId) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (groupId != null) {
      grant.setGroupId(groupId);
    } else {
      grant.setUserId(userId);
    }
    grant.setResource(Resources.TASK);
    grant.setResourceId(taskId);
    grant.addPermission(TaskPermissions.READ);
    grant.addPermission(TaskPermissions.TASK_WORK);
    authorizations.saveAuthorization(grant);
  }

  private Set<String> candidateGroups(String taskId) {
    Set<String> groups = new HashSet<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }
}
