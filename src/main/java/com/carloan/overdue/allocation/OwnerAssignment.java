package com.carloan.overdue.allocation;

import static com.carloan.overdue.process.CaseVariables.LOAN_ID;

import com.carloan.overdue.allocation.OwnershipChange.Kind;
import com.carloan.overdue.identity.CollectionGroups;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.process.AsApplication;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Task listener on the agent tasks' {@code assignment}: an assignee set in Tasklist moves the case, so the
 * task and its case's owner never disagree.
 *
 * <ul>
 *   <li>An agent of the team claims a task of a case in the pool: the case becomes theirs.</li>
 *   <li>A supervisor or manager sets an agent of the team as assignee: the case is transferred to them.</li>
 *   <li>A supervisor or legal officer working the task themselves, or an unclaim: ownership stays.</li>
 * </ul>
 * Anything else (an agent of another team, an agent taking a colleague's case) is refused and changes nothing.
 */
@Component("ownerAssignment")
class OwnerAssignment implements TaskListener {

  private static final List<String> MAY_MOVE = List.of(CollectionGroups.SUPERVISOR, CollectionGroups.MANAGER,
      CollectionGroups.ADMIN);

  private final OwnershipStore store;
  private final Allocation allocation;
  private final TeamMembers members;
  private final LoanCases cases;

  OwnerAssignment(OwnershipStore store, Allocation allocation, TeamMembers members, LoanCases cases) {
    this.store = store;
    this.allocation = allocation;
    this.members = members;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    String loanId = (String) task.getVariable(LOAN_ID);
    LoanCase c = cases.findActive(loanId).orElse(null);
    Ownership o = c == null ? null : store.lock(c.id()).orElse(null);
    if (o == null || assignee.equals(o.owner()) || !members.isAgent(assignee)) {
      return;
    }
    if (!members.isAgentOf(o.team(), assignee)) {
      throw new BadUserRequestException("The case of loan " + loanId + " belongs to " + o.team() + "; " + assignee
          + " is not one of its agents.");
    }
    Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String actor = caller == null || caller.getUserId() == null ? assignee : caller.getUserId();
    boolean supervising = caller != null && caller.getGroupIds() != null
        && caller.getGroupIds().stream().anyMatch(MAY_MOVE::contains);
    if (o.isOwned() && !supervising) {
      throw new BadUserRequestException("The case of loan " + loanId + " is " + o.owner()
          + "'s: only a supervisor moves it to someone else.");
    }
    // Capacity bounds what allocation hands out; a case an agent takes from the pool themselves is their choice.
    // The move is decided above; what follows from it (the case's variables, its other agent tasks, the pool)
    // is the application's own doing, not the caller's, whose rights cover the one task they changed.
    AsApplication.run(task.getProcessEngineServices().getIdentityService(), () -> {
      allocation.place(o, o.team(), assignee, actor, o.isOwned() ? Kind.TRANSFERRED : Kind.ALLOCATED,
          o.isOwned() ? "assigned in Tasklist" : "taken from the pool in Tasklist");
      if (o.isOwned()) {
        allocation.allocateFromPool(o.team());
      }
    });
  }
}
