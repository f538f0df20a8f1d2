package com.carloan.overdue.contact;

import com.carloan.overdue.privacy.FieldCipher;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the contact side kept of a loan's borrower: the SMS outbox (number and text), what the local
 * gateways recorded, the attempts counted per borrower. Retention erases the personal part of it.
 */
@Component
public class ContactHistory {

  /** An SMS as the outbox holds it; {@code text} is null once erased. */
  public record Sms(SmsTemplate template, String text, Instant createdAt, Instant sendAfter, String status,
      Instant sentAt) {}

  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;

  ContactHistory(JdbcTemplate jdbc, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** The first SMS of this template the loan was sent since {@code since} (a case's opening). */
  public Optional<Sms> firstSms(String loanId, SmsTemplate template, Instant since) {
    return jdbc.query("select content_cipher, created_at, send_after, status, sent_at from outbound_message "
        + "where loan_id = ? and template = ? and created_at >= ? order by id fetch first 1 rows only",
        (rs, n) -> new Sms(template, rs.getString(1) == null ? null : cipher.decrypt(rs.getString(1)),
            rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), rs.getString(4),
            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()),
        loanId, template.name(), Timestamp.from(since)).stream().findFirst();
  }

  /**
   * Erases the loan's phone numbers, message texts and borrower keys recorded before {@code before}
   * (the opening of the loan's next case), or all of them when {@code before} is null. Channel,
   * template, status and times stay: they show that and when the borrower was contacted.
   *
   * @return rows changed
   */
  public int erase(String loanId, Instant before) {
    Object[] args = before == null ? new Object[] {loanId} : new Object[] {loanId, Timestamp.from(before)};
    String until = before == null ? "" : " and %s < ?";
    int changed = jdbc.update("update outbound_message set recipient_cipher = null, content_cipher = null "
        + "where loan_id = ? and status in ('SENT', 'FAILED') and (recipient_cipher is not null or content_cipher is not null)"
        + until.formatted("created_at"), args);
    changed += jdbc.update("update gateway_record set payload_cipher = null, recipient_masked = null "
        + "where loan_id = ? and payload_cipher is not null" + until.formatted("recorded_at"), args);
    changed += jdbc.update("update contact_attempt set borrower_key = null "
        + "where loan_id = ? and borrower_key is not null" + until.formatted("recorded_at"), args);
    return changed;
  }
}
