package com.carloan.overdue.contact;

import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.identity.CaseAccess;
import com.carloan.overdue.identity.GroupAuthority;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.privacy.FieldCipher;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.annotation.Secured;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{loanId}/phone}: the number to dial, for the one agent who has claimed the
 * case's {@code callBorrower} task, and only from the task's follow-up date on (quiet hours, daily cap).
 * Nobody else ever sees it; each reveal is recorded.
 */
@RestController
class PhoneRevealController {

  record PhoneToDial(String loanId, String phone) {}

  private static final String CALL_TASK = "callBorrower";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessClock.ZONE);

  private final LoanCases cases;
  private final TaskService tasks;
  private final CaseAccess access;
  private final FieldCipher cipher;
  private final JdbcTemplate jdbc;
  private final BusinessClock clock;

  PhoneRevealController(LoanCases cases, TaskService tasks, CaseAccess access, FieldCipher cipher, JdbcTemplate jdbc,
      BusinessClock clock) {
    this.cases = cases;
    this.tasks = tasks;
    this.access = access;
    this.cipher = cipher;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Says what stands between the caller and the number: no call yet, an unclaimed call, or someone else's. */
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

  @GetMapping("/api/cases/{loanId}/phone")
  @Secured({GroupAuthority.AGENT, GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER})
  @Transactional
  public PhoneToDial phone(@PathVariable String loanId) {
    LoanCase c = cases.findActive(loanId).orElseThrow(() -> RequestRejected.notFound("No active case for loan " + loanId));
    String caller = access.currentUserId();
    List<Task> calls = tasks.createTaskQuery().processInstanceId(c.processInstanceId())
        .taskDefinitionKey(CALL_TASK).list();
    Task call = calls.stream().filter(t -> caller.equals(t.getAssignee())).findFirst()
        .orElseThrow(() -> notHolding(calls));
    if (call.getFollowUpDate() != null && call.getFollowUpDate().toInstant().isAfter(clock.now())) {
      throw RequestRejected.conflict("No call before " + TIME.format(call.getFollowUpDate().toInstant())
          + " (quiet hours 21:00-08:00 or the borrower's daily contact limit)");
    }
    jdbc.update("insert into phone_reveal (case_id, loan_id, revealed_to, task_id, revealed_at) values (?, ?, ?, ?, ?)",
        c.id(), loanId, caller, call.getId(), Timestamp.from(clock.now()));
    return new PhoneToDial(loanId, cipher.decrypt(c.phoneCipher()));
  }
}
