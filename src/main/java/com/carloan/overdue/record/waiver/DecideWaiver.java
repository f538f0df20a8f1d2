package com.carloan.overdue.record.waiver;

import static com.carloan.overdue.process.CaseVariables.WAIVER_APPROVED;
import static com.carloan.overdue.process.CaseVariables.WAIVER_COMMENT;
import static com.carloan.overdue.process.CaseVariables.WAIVER_ID;
import static com.carloan.overdue.process.CaseVariables.WAIVER_SETTLES;

import com.carloan.overdue.process.AsApplication;
import com.carloan.overdue.process.TaskActors;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code approveWaiver}: four eyes and the approval authority ({@link WaiverRules}) decide
 * whether the completion stands; an approval lowers the amount due, and {@code waiverSettles} tells the model
 * when the payments already reach it, which settles the case at once.
 */
@Component("decideWaiver")
class DecideWaiver implements TaskListener {

  private final Waivers waivers;
  private final IdentityService identity;

  DecideWaiver(Waivers waivers, IdentityService identity) {
    this.waivers = waivers;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    long waiverId = ((Number) task.getVariable(WAIVER_ID)).longValue();
    boolean approved = Boolean.TRUE.equals(task.getVariable(WAIVER_APPROVED));
    Object comment = task.getVariable(WAIVER_COMMENT);
    Authentication caller = identity.getCurrentAuthentication();
    List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    String by = TaskActors.completingUser(task);
    Waivers.Decided decided;
    try {
      decided = AsApplication.get(identity, () -> waivers.decide(waiverId, approved,
          comment == null ? null : comment.toString(), by, groups));
    } catch (IllegalArgumentException refused) {
      throw new BadUserRequestException(task.getName() + ": " + refused.getMessage());
    }
    task.getExecution().setVariableLocal(WAIVER_SETTLES, decided.settles());
  }
}
