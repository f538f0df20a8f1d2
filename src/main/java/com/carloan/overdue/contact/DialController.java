package com.carloan.overdue.contact;

import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.communication.CommunicationLog;
import com.carloan.overdue.identity.CaseAccess;
import com.carloan.overdue.identity.GroupAuthority;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.privacy.FieldCipher;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.annotation.Secured;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases/{loanId}/dial} (拨打): the agent holding the case's call rings the borrower through the
 * dialler without seeing the number. The same rules as the number's reveal ({@link HeldCalls}), and the contact
 * window now; the first dial of a call is the attempt its task counted when it opened, each further one counts
 * against the borrower's day. The dial goes into the case's communications; its outcome into the call's note.
 */
@RestController
class DialController {

  record Dialled(String loanId, String callId, OffsetDateTime dialledAt) {}

  private final LoanCases cases;
  private final HeldCalls heldCalls;
  private final ObjectProvider<Dialler> dialler;
  private final ContactScheduler scheduler;
  private final ContactPolicy policy;
  private final CommunicationLog communications;
  private final CaseAccess access;
  private final FieldCipher cipher;
  private final JdbcTemplate jdbc;
  private final BusinessClock clock;

  DialController(LoanCases cases, HeldCalls heldCalls, ObjectProvider<Dialler> dialler, ContactScheduler scheduler,
      ContactPolicy policy, CommunicationLog communications, CaseAccess access, FieldCipher cipher, JdbcTemplate jdbc,
      BusinessClock clock) {
    this.cases = cases;
    this.heldCalls = heldCalls;
    this.dialler = dialler;
    this.scheduler = scheduler;
    this.policy = policy;
    this.communications = communications;
    this.access = access;
    this.cipher = cipher;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @PostMapping("/api/cases/{loanId}/dial")
  @Secured({GroupAuthority.AGENT, GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER})
  @Transactional
  public Dialled dial(@PathVariable String loanId) {
    LoanCase c = cases.lockActive(loanId).orElseThrow(() -> RequestRejected.notFound("No active case for loan " + loanId));
    String caller = access.currentUserId();
    Task call = heldCalls.requireCallableNow(c, caller);
    Instant now = clock.now();
    if (policy.isQuietTime(now)) {
      throw RequestRejected.conflict("No calls between 21:00 and 08:00 (Asia/Shanghai)");
    }
    Dialler d = dialler.getIfAvailable();
    if (d == null) {
      throw RequestRejected.conflict("No dialler is configured here: reveal the number with GET /api/cases/" + loanId
          + "/phone (audited) and dial it yourself");
    }
    boolean firstOfThisCall = jdbc.queryForObject("select count(*) from dial where task_id = ?", Integer.class,
        call.getId()) == 0;
    if (!firstOfThisCall && !scheduler.attemptNow(c, Channel.CALL, "DIAL")) {
      throw RequestRejected.conflict("The borrower's " + policy.maxAttemptsPerDay()
          + " contact attempts for today are used up: call again tomorrow");
    }
    Dialler.Dialled placed;
    try {
      placed = d.dial("dial-" + UUID.randomUUID(), loanId, caller, cipher.decrypt(c.phoneCipher()));
    } catch (Dialler.DialFailed e) {
      throw new RequestRejected(HttpStatus.BAD_GATEWAY, "The dialler did not place the call: " + e.getMessage()
          + "; try again, or reveal the number", List.of(), e);
    }
    jdbc.update("insert into dial (case_id, loan_id, task_id, agent, call_id, dialled_at) values (?, ?, ?, ?, ?, ?)",
        c.id(), loanId, call.getId(), caller, placed.callId(), Timestamp.from(now));
    communications.append(c, CommunicationLog.Channel.PHONE, CommunicationLog.Direction.OUTBOUND,
        "外呼 dialled through the dialler, call " + placed.callId() + " (number not shown to the agent)", caller);
    return new Dialled(loanId, placed.callId(), now.atZone(BusinessClock.ZONE).toOffsetDateTime());
  }
}
