package com.carloan.overdue.contact;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.communication.CommunicationLog;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.privacy.FieldCipher;
import com.carloan.overdue.process.CollectionSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SMS outbox. {@link #enqueue} runs inside the process step's transaction, so a rolled-back step
 * leaves nothing to send (and no communication record); {@link #dispatchDue} sends what is due, each message in its own transaction.
 * A message the provider keeps refusing is FAILED after {@code collections.outbox.max-attempts} and raises a
 * {@link SmsDeliveryIncidents smsDeliveryFailed} incident on its case; resolving that incident queues it again.
 */
@Component
public class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  private static final int BATCH = 200;

  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;
  private final SmsGateway sms;
  private final BusinessClock clock;
  private final TransactionTemplate ownTransaction;
  private final CommunicationLog communications;
  private final ContactPolicy policy;
  private final SmsDeliveryIncidents incidents;
  private final CollectionSettings.Outbox settings;
  private final LoanCases cases;
  private final ContactScheduler scheduler;

  Outbox(JdbcTemplate jdbc, FieldCipher cipher, SmsGateway sms, BusinessClock clock, PlatformTransactionManager tx,
      CommunicationLog communications, ContactPolicy policy, SmsDeliveryIncidents incidents, CollectionSettings settings,
      LoanCases cases, ContactScheduler scheduler) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.scheduler = scheduler;
    this.communications = communications;
    this.cipher = cipher;
    this.sms = sms;
    this.clock = clock;
    this.policy = policy;
    this.incidents = incidents;
    this.settings = settings.outbox();
    this.ownTransaction = new TransactionTemplate(tx);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  void enqueue(LoanCase c, SmsTemplate template, String text, Instant sendAfter) {
    communications.append(c, CommunicationLog.Channel.SMS, CommunicationLog.Direction.OUTBOUND, text, "system");
    Instant now = clock.now();
    jdbc.update("insert into outbound_message (loan_id, channel, template, recipient_cipher, content_cipher, send_after, "
        + "status, attempts, created_at) values (?, 'SMS', ?, ?, ?, ?, 'PENDING', 0, ?)", c.loanId(), template.name(),
        c.phoneCipher(), cipher.encrypt(text), Timestamp.from(sendAfter), Timestamp.from(now));
  }

  /** A paused case's messages wait in the queue until it resumes (record.pause.CasePauses). */
  private static final String NOT_PAUSED = "not exists (select 1 from case_pause p where p.loan_id = m.loan_id "
      + "and p.resumed_at is null)";

  @Scheduled(fixedDelayString = "${collections.outbox.dispatch-interval}",
      initialDelayString = "${collections.outbox.dispatch-interval}")
  public void dispatchScheduled() {
    dispatchDue();
  }

  /** Sends every message whose time has come. @return how many were sent */
  public int dispatchDue() {
    Instant now = clock.now();
    // A message left SENDING by a crashed node goes back to the queue; the gateway drops a repeated reference.
    jdbc.update("update outbound_message set status = 'PENDING' where status = 'SENDING' and send_after < ?",
        Timestamp.from(now.minus(settings.stuckAfter())));
    if (policy.isQuietTime(now)) {
      // What fell due before 21:00 but was not out by then waits for the morning, like everything else.
      return 0;
    }
    List<Long> due = jdbc.queryForList("select id from outbound_message m where status = 'PENDING' and send_after <= ? "
        + "and " + NOT_PAUSED + " order by send_after, id fetch first " + BATCH + " rows only", Long.class,
        Timestamp.from(now));
    int sent = 0;
    List<Spent> spent = new ArrayList<>();
    for (Long id : due) {
      if (Boolean.TRUE.equals(ownTransaction.execute(s -> sendOne(id, now, spent)))) {
        sent++;
      }
    }
    // After the FAILED status is committed: a case that cannot take the incident (it just ended) must not
    // roll the message back into the queue.
    for (Spent s : spent) {
      try {
        incidents.raise(s.id(), s.loanId(), s.template(), s.attempts(), s.error());
      } catch (RuntimeException e) {
        log.error("SMS {} for loan {} FAILED; the incident could not be raised: {}", s.id(), s.loanId(), e.getMessage());
      }
    }
    return sent;
  }

  private record Spent(long id, String loanId, String template, int attempts, String error) {}

  private boolean sendOne(long id, Instant now, List<Spent> spent) {
    // Claiming by status makes two dispatchers (two nodes) never send the same message.
    // ... and a case paused since the look above holds the message (停催: nothing reaches the borrower).
    if (jdbc.update("update outbound_message m set status = 'SENDING', attempts = attempts + 1, send_after = ? "
        + "where id = ? and status = 'PENDING' and " + NOT_PAUSED, Timestamp.from(now), id) != 1) {
      return false;
    }
    var row = jdbc.queryForMap("select loan_id, template, recipient_cipher, content_cipher, attempts from outbound_message "
        + "where id = ?", id);
    String loanId = (String) row.get("loan_id");
    try {
      sms.send("sms-" + id, loanId, cipher.decrypt((String) row.get("recipient_cipher")),
          cipher.decrypt((String) row.get("content_cipher")));
      jdbc.update("update outbound_message set status = 'SENT', sent_at = ?, last_error = null where id = ?",
          Timestamp.from(clock.now()), id);
      return true;
    } catch (RuntimeException e) {
      int attempts = ((Number) row.get("attempts")).intValue();
      boolean lastAttempt = attempts >= settings.maxAttempts();
      String error = abbreviate(e.getMessage());
      log.warn("SMS {} for loan {} not sent (attempt {} of {}): {}", id, loanId, attempts, settings.maxAttempts(), error);
      // The retry is an outbound contact too: never inside quiet hours.
      Instant retryAt = policy.earliestContact(now.plus(settings.retryAfter())).toInstant();
      jdbc.update("update outbound_message set status = ?, send_after = ?, last_error = ? where id = ?",
          lastAttempt ? "FAILED" : "PENDING", Timestamp.from(retryAt), error, id);
      if (lastAttempt) {
        spent.add(new Spent(id, loanId, (String) row.get("template"), attempts, error));
      }
      return false;
    }
  }

  /**
   * Puts a FAILED message back in the queue, due at the next permitted moment, with a fresh count of
   * attempts: what resolving its {@code smsDeliveryFailed} incident does.
   * @return whether the message was FAILED and is queued now
   */
  boolean requeue(long id) {
    var failed = jdbc.queryForList("select loan_id, template from outbound_message where id = ? and status = 'FAILED'", id);
    if (failed.isEmpty()) {
      return false;
    }
    var c = cases.findActive((String) failed.get(0).get("loan_id"));
    if (c.isEmpty()) {
      return false;
    }
    // Sent on another day, it is another attempt on that day: it counts against the daily cap again.
    Instant at = scheduler.reserve(c.get(), Channel.SMS, (String) failed.get(0).get("template"));
    return jdbc.update("update outbound_message set status = 'PENDING', attempts = 0, send_after = ?, last_error = null "
        + "where id = ? and status = 'FAILED'", Timestamp.from(at), id) == 1;
  }

  private static String abbreviate(String s) {
    return s == null ? null : s.length() <= 500 ? s : s.substring(0, 500);
  }
}
