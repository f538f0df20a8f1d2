package com.carloan.overdue.contact;

import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.record.pause.CasePauses;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may call the borrower now (the number revealed, or dialled without showing it): the one agent holding the
 * case's {@code callBorrower} task, from its follow-up time on (quiet hours, the daily cap), while the case is not
 * paused; otherwise the refusal says what stands in the way.
 */
@Component
class HeldCalls {

  static final String CALL_TASK = "callBorrower";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessClock.ZONE);

  private final TaskService tasks;
  private final CasePauses pauses;
  private final BusinessClock clock;

  HeldCalls(TaskService tasks, CasePauses pauses, BusinessClock clock) {
    this.tasks = tasks;
    this.pauses = pauses;
    this.clock = clock;
  }

  /** @return the caller's call task on the case, due now */
  Task requireCallableNow(LoanCase c, String caller) {
    List<Task> calls = tasks.createTaskQuery().processInstanceId(c.processInstanceId()).taskDefinitionKey(CALL_TASK).list();
    Task call = calls.stream().filter(t -> caller.equals(t.getAssignee())).findFirst()
        .orElseThrow(() -> notHolding(calls));
    pauses.current(c.id()).ifPresent(p -> {
      throw RequestRejected.conflict("Collection on loan " + c.loanId() + " is paused (" + p.reason()
          + "): no contact with the borrower until it resumes");
    });
    if (call.getFollowUpDate() != null && call.getFollowUpDate().toInstant().isAfter(clock.now())) {
      throw RequestRejected.conflict("No call before " + TIME.format(call.getFollowUpDate().toInstant())
          + " (quiet hours 21:00-08:00 or the borrower's daily contact limit)");
    }
    return call;
  }

  /** Says what stands between the caller and the call: no call yet, an unclaimed call, or someone else's. */
  private static RequestRejected notHolding(List<Task> calls) {
    if (calls.isEmpty()) {
      return RequestRejected.forbidden("The case has no open " + CALL_TASK
          + " task: the number is shown only to the agent holding the call.");
    }
    if (calls.stream().allMatch(t -> t.getAssignee() == null)) {
      return RequestRejected.forbidden("Claim the case's " + CALL_TASK
          + " task first: only the agent holding the call may see the number.");
    }
    return RequestRejected.forbidden("Another user holds the case's " + CALL_TASK
        + " task: only the agent holding the call may see the number.");
  }
}
