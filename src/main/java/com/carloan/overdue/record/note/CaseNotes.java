package com.carloan.overdue.record.note;

import com.carloan.overdue.allocation.CaseOwners;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.common.Inserts;
import com.carloan.overdue.contact.ContactPolicy;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.privacy.FieldCipher;
import com.carloan.overdue.process.AsApplication;
import com.carloan.overdue.process.EarlierNotes;
import com.carloan.overdue.record.note.NoteRules.Checked;
import com.carloan.overdue.record.promise.Promises;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collection record of every case (table {@code case_note}): each note with its promise to pay, the
 * owner's next follow-up moved out of quiet hours, and a line in the case's earlier notes. The note's text
 * is stored only encrypted and never becomes a process variable.
 */
@Service
public class CaseNotes {

  /** What recording a note did. */
  public record Recorded(long noteId, Long promiseId, Instant nextFollowUp) {
  }

  /** A note as its readers see it. */
  public record Note(long noteId, String channel, String reached, String phoneStatus, String feedback, String text,
      NotePromise promise, OffsetDateTime nextFollowUp, String recordedBy, OffsetDateTime recordedAt) {
  }

  public record NotePromise(long promiseId, BigDecimal amount, LocalDate date, String status) {
  }

  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;
  private final Promises promises;
  private final CaseOwners owners;
  private final ContactPolicy contactPolicy;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final BusinessClock clock;

  CaseNotes(JdbcTemplate jdbc, FieldCipher cipher, Promises promises, CaseOwners owners,
      ContactPolicy contactPolicy, RuntimeService runtime, TaskService tasks, IdentityService identity,
      BusinessClock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.promises = promises;
    this.owners = owners;
    this.contactPolicy = contactPolicy;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.clock = clock;
  }

  /** Records a note that passed {@link NoteRules} on the case, in the caller's transaction. */
  @Transactional
  public Recorded record(LoanCase c, Checked note, String by) {
    Instant now = clock.now();
    // the owner may not call in quiet hours: a follow-up there moves to the window's opening (08:00)
    Instant followUp = note.nextFollowUp() == null ? null : contactPolicy.earliestContact(note.nextFollowUp()).toInstant();
    long noteId = Inserts.returningId(jdbc, "insert into case_note (case_id, loan_id, channel, reached, phone_status, "
        + "feedback, text_cipher, next_follow_up, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.id(), c.loanId(), note.channel().name(), note.reached().name(),
        note.phoneStatus() == null ? null : note.phoneStatus().name(), note.feedback().name(),
        note.text() == null ? null : cipher.encrypt(note.text()), followUp == null ? null : Timestamp.from(followUp), by,
        Timestamp.from(now));
    Long promiseId = note.hasPromise() ? promises.make(c, noteId, note.promiseAmount(), note.promiseDate(), by) : null;
    // the note's consequences are the application's, whoever recorded it
    AsApplication.run(identity, () -> {
      if (followUp != null) {
        owners.ownerOf(c.id()).ifPresent(owner -> followUpOwnersTasks(c.processInstanceId(), owner, followUp));
      }
      EarlierNotes.append(runtime, c.processInstanceId(), now, "催记 Note", by, summary(note, followUp));
    });
    return new Recorded(noteId, promiseId, followUp);
  }

  public List<Note> list(long caseId) {
    return jdbc.query("select n.id, n.channel, n.reached, n.phone_status, n.feedback, n.text_cipher, n.next_follow_up, "
        + "n.recorded_by, n.recorded_at, p.id as promise_id, p.amount, p.promised_for, p.status from case_note n "
        + "left join promise_to_pay p on p.note_id = n.id where n.case_id = ? order by n.id", (rs, i) -> {
          long promiseId = rs.getLong("promise_id");
          NotePromise promise = rs.wasNull() ? null : new NotePromise(promiseId, rs.getBigDecimal("amount"),
              rs.getDate("promised_for").toLocalDate(), rs.getString("status"));
          Timestamp followUp = rs.getTimestamp("next_follow_up");
          String text = rs.getString("text_cipher");
          return new Note(rs.getLong("id"), rs.getString("channel"), rs.getString("reached"), rs.getString("phone_status"),
              rs.getString("feedback"), text == null ? null : cipher.decrypt(text), promise,
              followUp == null ? null : businessTime(followUp.toInstant()), rs.getString("recorded_by"),
              businessTime(rs.getTimestamp("recorded_at").toInstant()));
        }, caseId);
  }

  /** Retention: the notes' text goes; who recorded what, when, and the promises stay. */
  public void eraseText(long caseId) {
    jdbc.update("update case_note set text_cipher = null where case_id = ? and text_cipher is not null", caseId);
  }

  private void followUpOwnersTasks(String processInstanceId, String owner, Instant at) {
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).taskAssignee(owner).list()) {
      task.setFollowUpDate(Date.from(at));
      tasks.saveTask(task);
    }
  }

  private static String summary(Checked note, Instant followUp) {
    StringBuilder s = new StringBuilder(note.channel().name()).append(" · ").append(note.reached().name());
    if (note.phoneStatus() != null) {
      s.append(" · ").append(note.phoneStatus().name());
    }
    s.append(" · ").append(note.feedback().name());
    if (note.hasPromise()) {
      s.append(" · 承诺 ¥").append(note.promiseAmount().toPlainString()).append(" 于 ").append(note.promiseDate());
    }
    if (followUp != null) {
      s.append(" · 下次跟进 ").append(EarlierNotes.time(followUp));
    }
    return s.toString();
  }

  private static OffsetDateTime businessTime(Instant at) {
    return at.atZone(BusinessClock.ZONE).toOffsetDateTime();
  }
}
