package com.carloan.overdue.record.complaint;

import static com.carloan.overdue.process.CaseVariables.COMPLAINT_CATEGORY;
import static com.carloan.overdue.process.CaseVariables.COMPLAINT_CHANNEL;
import static com.carloan.overdue.process.CaseVariables.COMPLAINT_DUE_DATE;
import static com.carloan.overdue.process.CaseVariables.COMPLAINT_ID;
import static com.carloan.overdue.process.CaseVariables.COMPLAINT_RECEIVED_AT;
import static com.carloan.overdue.process.CaseVariables.MESSAGE_COMPLAINT_RECEIVED;

import com.carloan.overdue.allocation.CaseOwners;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.common.Inserts;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.privacy.FieldCipher;
import com.carloan.overdue.process.EarlierNotes;
import com.carloan.overdue.record.complaint.ComplaintRules.Category;
import com.carloan.overdue.record.complaint.ComplaintRules.Resolution;
import com.carloan.overdue.record.pause.CasePauses;
import com.carloan.overdue.record.pause.PauseRules;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints about a case (table {@code complaint}): receiving one pauses the case for it and opens
 * {@code handleComplaint} for the supervisors, due 15 days later; handling it records the answer, lifts its
 * pause and, for an upheld complaint about the agent's conduct, gives the case to another agent.
 */
@Service
public class Complaints {

  private static final Logger log = LoggerFactory.getLogger(Complaints.class);

  /** A complaint as its readers see it. */
  public record Complaint(long complaintId, String channel, String category, String content, String receivedBy,
      OffsetDateTime receivedAt, OffsetDateTime dueAt, String resolution, String response, String handledBy,
      OffsetDateTime handledAt) {
  }

  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;
  private final CasePauses pauses;
  private final CaseOwners owners;
  private final RuntimeService runtime;
  private final BusinessClock clock;

  Complaints(JdbcTemplate jdbc, FieldCipher cipher, CasePauses pauses, CaseOwners owners, RuntimeService runtime,
      BusinessClock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.pauses = pauses;
    this.owners = owners;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** Records a complaint that passed {@link ComplaintRules}, pauses its case and opens its handling. @return its id */
  @Transactional
  public long receive(LoanCase c, String channel, String category, String content, String by) {
    Instant now = clock.now();
    Instant due = ComplaintRules.dueAt(now);
    long id = Inserts.returningId(jdbc, "insert into complaint (case_id, loan_id, channel, category, content_cipher, "
        + "received_by, received_at, due_at) values (?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.loanId(), channel, category,
        cipher.encrypt(content.strip()), by, Timestamp.from(now), Timestamp.from(due));
    pauses.pause(c, PauseRules.Reason.COMPLAINT, null, by, id);
    runtime.createMessageCorrelation(MESSAGE_COMPLAINT_RECEIVED).processInstanceId(c.processInstanceId())
        .setVariables(Variables.createVariables()
            .putValue(COMPLAINT_ID, id)
            .putValue(COMPLAINT_CHANNEL, channel)
            .putValue(COMPLAINT_CATEGORY, category)
            .putValue(COMPLAINT_RECEIVED_AT, Date.from(now))
            .putValue(COMPLAINT_DUE_DATE, Date.from(due)))
        .correlateWithResult();
    note(c, now, by, "投诉 Complaint #" + id + " · " + channel + " · " + category + " · 停催 paused");
    log.info("Complaint {} on loan {} received ({}, {}); the case is paused", id, c.loanId(), channel, category);
    return id;
  }

  /** The supervisor's answer: recorded, the complaint's pause lifted, the case moved if the agent's conduct was at fault. */
  @Transactional
  public void handle(LoanCase c, long complaintId, Resolution resolution, String response, String by) {
    String category = jdbc.queryForObject("select category from complaint where id = ? and case_id = ?", String.class,
        complaintId, c.id());
    jdbc.update("update complaint set resolution = ?, response_cipher = ?, handled_by = ?, handled_at = ? where id = ?",
        resolution.name(), response == null ? null : cipher.encrypt(response.strip()), by, Timestamp.from(clock.now()),
        complaintId);
    boolean stillPaused = pauses.liftComplaintPause(c, complaintId, by).isPresent();
    String moved = "";
    if (ComplaintRules.movesTheCase(Category.valueOf(category), resolution)) {
      String to = owners.moveToAnotherAgent(c.id(), by, "complaint #" + complaintId + " upheld: conduct")
          .orElse("the team's pool");
      moved = " · 转 " + to;
    }
    note(c, clock.now(), by, "投诉处理 Complaint #" + complaintId + " · " + resolution + moved
        + (stillPaused ? " · 仍停催 still paused" : " · 恢复催收 resumed"));
  }

  public List<Complaint> list(long caseId) {
    return jdbc.query("select id, channel, category, content_cipher, received_by, received_at, due_at, resolution, "
        + "response_cipher, handled_by, handled_at from complaint where case_id = ? order by id", (rs, n) ->
        new Complaint(rs.getLong("id"), rs.getString("channel"), rs.getString("category"),
            decrypt(rs.getString("content_cipher")), rs.getString("received_by"), time(rs.getTimestamp("received_at")),
            time(rs.getTimestamp("due_at")), rs.getString("resolution"), decrypt(rs.getString("response_cipher")),
            rs.getString("handled_by"), time(rs.getTimestamp("handled_at"))), caseId);
  }

  /** Retention: what was complained about and the answer go; when, by whom and the resolution stay. */
  public void eraseText(long caseId) {
    jdbc.update("update complaint set content_cipher = null, response_cipher = null where case_id = ?", caseId);
  }

  private void note(LoanCase c, Instant at, String by, String what) {
    EarlierNotes.append(runtime, c.processInstanceId(), at, "投诉", by, what);
  }

  // erased content (retention) reads as null
  private String decrypt(String stored) {
    return stored == null ? null : cipher.decrypt(stored);
  }

  private static OffsetDateTime time(Timestamp t) {
    return t == null ? null : t.toInstant().atZone(BusinessClock.ZONE).toOffsetDateTime();
  }
}
