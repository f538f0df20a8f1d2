package com.carloan.overdue.contact;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.communication.CommunicationLog;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.privacy.FieldCipher;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
 */
@Component
public class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  static final int MAX_SEND_ATTEMPTS = 10;
  private static final Duration RETRY_AFTER = Duration.ofMinutes(5);
  private static final Duration STUCK_AFTER = Duration.ofMinutes(10);
  private static final int BATCH = 200;

  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;
  private final SmsGateway sms;
  private final BusinessClock clock;
  private final TransactionTemplate ownTransaction;
  private final CommunicationLog communications;

  Outbox(JdbcTemplate jdbc, FieldCipher cipher, SmsGateway sms, BusinessClock clock, PlatformTransactionManager tx,
      CommunicationLog communications) {
    this.jdbc = jdbc;
    this.communications = communications;
    this.cipher = cipher;
    this.sms = sms;
    this.clock = clock;
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
        Timestamp.from(now.minus(STUCK_AFTER)));
    List<Long> due = jdbc.queryForList("select id from outbound_message where status = 'PENDING' and send_after <= ? "
        + "order by send_after, id fetch first " + BATCH + " rows only", Long.class, Timestamp.from(now));
    int sent = 0;
    for (Long id : due) {
      if (Boolean.TRUE.equals(ownTransaction.execute(s -> sendOne(id, now)))) {
        sent++;
      }
    }
    return sent;
  }

  private boolean sendOne(long id, Instant now) {
    // Claiming by status makes two dispatchers (two nodes) never send the same message.
    if (jdbc.update("update outbound_message set status = 'SENDING', attempts = attempts + 1, send_after = ? "
        + "where id = ? and status = 'PENDING'", Timestamp.from(now), id) != 1) {
      return false;
    }
    var row = jdbc.queryForMap("select loan_id, recipient_cipher, content_cipher, attempts from outbound_message where id = ?", id);
    String loanId = (String) row.get("loan_id");
    try {
      sms.send("sms-" + id, loanId, cipher.decrypt((String) row.get("recipient_cipher")),
          cipher.decrypt((String) row.get("content_cipher")));
      jdbc.update("update outbound_message set status = 'SENT', sent_at = ?, last_error = null where id = ?",
          Timestamp.from(clock.now()), id);
      return true;
    } catch (RuntimeException e) {
      int attempts = ((Number) row.get("attempts")).intValue();
      String status = attempts >= MAX_SEND_ATTEMPTS ? "FAILED" : "PENDING";
      log.warn("SMS {} for loan {} not sent (attempt {}): {}", id, loanId, attempts, e.getMessage());
      jdbc.update("update outbound_message set status = ?, send_after = ?, last_error = ? where id = ?", status,
          Timestamp.from(now.plus(RETRY_AFTER)), abbreviate(e.getMessage()), id);
      return false;
    }
  }

  private static String abbreviate(String s) {
    return s == null ? null : s.length() <= 500 ? s : s.substring(0, 500);
  }
}
