package com.carloan.overdue.record.pause;

import static com.carloan.overdue.process.CaseVariables.COLLECTION_PAUSED;

import com.carloan.overdue.allocation.CaseOwners;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.intake.LoanCase;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pausing and resuming collection on a case (停催, CONTRACT §5). A case is paused while any of its pauses
 * stands. Pausing it stops what would reach the borrower: its jobs (timers, the async steps that send) are
 * suspended, so nothing moves on and no contact attempt is counted; the SMS outbox holds its messages; its
 * agent tasks are withheld from agents (allocation.TaskGrants reads {@code collectionPaused}). Payments still
 * count and a settling one still ends the case. Resuming activates the jobs again, so the case picks up where
 * it stood: a timer that fell due meanwhile fires, a held message leaves. Both are idempotent.
 */
@Service
public class CasePauses {

  /** A standing pause as the case view shows it. */
  public record Paused(String reason, OffsetDateTime since, String by) {
  }

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final CaseOwners owners;
  private final BusinessClock clock;

  CasePauses(JdbcTemplate jdbc, RuntimeService runtime, ManagementService management, CaseOwners owners,
      BusinessClock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.management = management;
    this.owners = owners;
    this.clock = clock;
  }

  /**
   * Pauses the case for the reason; a pause for the same reason that already stands is kept as it is. A
   * complaint's pause ({@code complaintId} not null) is its own and is lifted only by {@link #liftComplaintPause}.
   */
  @Transactional
  public Paused pause(LoanCase c, PauseRules.Reason reason, String note, String by, Long complaintId) {
    boolean wasPaused = lockAndCheck(c);
    boolean standing = complaintId == null && !jdbc.queryForList("select id from case_pause where case_id = ? "
        + "and resumed_at is null and complaint_id is null and reason = ?", Long.class, c.id(), reason.name()).isEmpty();
    if (!standing) {
      jdbc.update("insert into case_pause (case_id, loan_id, reason, note, complaint_id, paused_by, paused_at) "
          + "values (?, ?, ?, ?, ?, ?, ?)", c.id(), c.loanId(), reason.name(), note, complaintId, by,
          Timestamp.from(clock.now()));
    }
    if (!wasPaused) {
      stop(c);
    }
    return current(c.id()).orElseThrow();
  }

  /** Lifts the case's pauses other than a complaint's. @return the pause that still stands, if any */
  @Transactional
  public Optional<Paused> resume(LoanCase c, String by) {
    return lift(c, by, "complaint_id is null");
  }

  /** The complaint was handled: its pause goes; the case resumes unless another pause stands. */
  @Transactional
  public Optional<Paused> liftComplaintPause(LoanCase c, long complaintId, String by) {
    return lift(c, by, "complaint_id = " + complaintId);
  }

  /** The case is closing (archive): its pauses end with it. */
  public void close(long caseId) {
    jdbc.update("update case_pause set resumed_by = 'system', resumed_at = ? where case_id = ? and resumed_at is null",
        Timestamp.from(clock.now()), caseId);
  }

  /** The earliest pause that still stands. */
  public Optional<Paused> current(long caseId) {
    List<Paused> standing = jdbc.query("select reason, paused_at, paused_by from case_pause where case_id = ? "
        + "and resumed_at is null order by paused_at, id", (rs, n) -> new Paused(rs.getString(1),
        rs.getTimestamp(2).toInstant().atZone(BusinessClock.ZONE).toOffsetDateTime(), rs.getString(3)), caseId);
    return standing.stream().findFirst();
  }

  private Optional<Paused> lift(LoanCase c, String by, String which) {
    boolean wasPaused = lockAndCheck(c);
    Instant now = clock.now();
    jdbc.update("update case_pause set resumed_by = ?, resumed_at = ? where case_id = ? and resumed_at is null and "
        + which, by, Timestamp.from(now), c.id());
    Optional<Paused> still = current(c.id());
    if (wasPaused && still.isEmpty()) {
      start(c);
    }
    return still;
  }

  // Pauses and resumes of one case are serialized on its row, so two at once never both stop or start it.
  private boolean lockAndCheck(LoanCase c) {
    jdbc.queryForObject("select id from loan_case where id = ? for update", Long.class, c.id());
    return current(c.id()).isPresent();
  }

  private void stop(LoanCase c) {
    runtime.setVariable(c.processInstanceId(), COLLECTION_PAUSED, true);
    management.updateJobSuspensionState().byProcessInstanceId(c.processInstanceId()).suspend();
    owners.regrantAgentTasks(c.processInstanceId());
  }

  private void start(LoanCase c) {
    runtime.setVariable(c.processInstanceId(), COLLECTION_PAUSED, false);
    management.updateJobSuspensionState().byProcessInstanceId(c.processInstanceId()).activate();
    owners.regrantAgentTasks(c.processInstanceId());
  }
}
