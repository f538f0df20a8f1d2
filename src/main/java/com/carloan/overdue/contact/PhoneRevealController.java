package com.carloan.overdue.contact;

import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.identity.CaseAccess;
import com.carloan.overdue.identity.GroupAuthority;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.privacy.FieldCipher;
import java.sql.Timestamp;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.annotation.Secured;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{loanId}/phone}: the number to dial where no dialler is configured, for the one agent who
 * holds the case's {@code callBorrower} task, only from the task's follow-up date on (quiet hours, daily cap) and
 * not while the case is paused ({@link HeldCalls}). Nobody else ever sees it; each reveal is recorded.
 */
@RestController
class PhoneRevealController {

  record PhoneToDial(String loanId, String phone) {}

  private final LoanCases cases;
  private final HeldCalls heldCalls;
  private final CaseAccess access;
  private final FieldCipher cipher;
  private final JdbcTemplate jdbc;
  private final BusinessClock clock;

  PhoneRevealController(LoanCases cases, HeldCalls heldCalls, CaseAccess access, FieldCipher cipher, JdbcTemplate jdbc,
      BusinessClock clock) {
    this.cases = cases;
    this.heldCalls = heldCalls;
    this.access = access;
    this.cipher = cipher;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @GetMapping("/api/cases/{loanId}/phone")
  @Secured({GroupAuthority.AGENT, GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER})
  @Transactional
  public PhoneToDial phone(@PathVariable String loanId) {
    LoanCase c = cases.findActive(loanId).orElseThrow(() -> RequestRejected.notFound("No active case for loan " + loanId));
    String caller = access.currentUserId();
    Task call = heldCalls.requireCallableNow(c, caller);
    jdbc.update("insert into phone_reveal (case_id, loan_id, revealed_to, task_id, revealed_at) values (?, ?, ?, ?, ?)",
        c.id(), loanId, caller, call.getId(), Timestamp.from(clock.now()));
    return new PhoneToDial(loanId, cipher.decrypt(c.phoneCipher()));
  }
}
