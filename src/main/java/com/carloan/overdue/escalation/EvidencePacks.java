package com.carloan.overdue.escalation;

import com.carloan.overdue.archive.CaseRecords;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.common.Hashes;
import com.carloan.overdue.common.Inserts;
import com.carloan.overdue.contact.ContactHistory;
import com.carloan.overdue.contact.SmsTemplate;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.privacy.FieldCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The evidence pack for legal action (证据材料): a PDF with the case summary, the credit-report notice,
 * the verification result, the timeline and every communication with its hash. Stored encrypted (it is
 * full of personal data) with the SHA-256 of the file and of its text.
 */
@Service
public class EvidencePacks {

  private static final Logger log = LoggerFactory.getLogger(EvidencePacks.class);

  /**
   * A stored pack.
   *
   * @param pdf the file, or null once erased after the retention period
   * @param sha256 SHA-256 of the file, as {@code sha256sum} prints it
   * @param textSha256 SHA-256 of the text printed in it, shown in every page's footer
   */
  public record Pack(long id, long caseId, Instant createdAt, byte[] pdf, String sha256, String textSha256,
      Instant erasedAt) {

    public boolean erased() {
      return pdf == null;
    }
  }

  private final CaseRecords records;
  private final ContactHistory contacts;
  private final EvidencePackFont font;
  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;
  private final BusinessClock clock;

  EvidencePacks(CaseRecords records, ContactHistory contacts, EvidencePackFont font, JdbcTemplate jdbc,
      FieldCipher cipher, BusinessClock clock) {
    this.records = records;
    this.contacts = contacts;
    this.font = font;
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** @return the pack's id */
  public long compile(String loanId, Map<String, Object> variables) {
    LoanCase c = records.activeCase(loanId);
    Instant now = clock.now();
    var notice = contacts.firstSms(loanId, SmsTemplate.CREDIT_REPORT_NOTICE, c.openedAt());
    var pdf = EvidencePackDocument.render(records.of(c, variables), notice, now, font);
    long id = Inserts.returningId(jdbc, "insert into evidence_pack (case_id, created_at, content_sha256, text_sha256, "
        + "content_cipher) values (?, ?, ?, ?, ?)", c.id(), Timestamp.from(now), Hashes.sha256(pdf.pdf()),
        pdf.textSha256(), cipher.encrypt(Base64.getEncoder().encodeToString(pdf.pdf())));
    log.info("Evidence pack {} compiled for loan {}: {} pages", id, loanId, pdf.pages());
    return id;
  }

  public Pack read(long packId) {
    return jdbc.queryForObject("select " + COLUMNS + " from evidence_pack where id = ?", this::map, packId);
  }

  /** The case's newest pack. */
  public Optional<Pack> latest(long caseId) {
    return jdbc.query("select " + COLUMNS + " from evidence_pack where case_id = ? order by id desc "
        + "fetch first 1 rows only", this::map, caseId).stream().findFirst();
  }

  /** Retention: the file goes, its hashes and dates stay. @return packs erased */
  public int erase(long caseId, Instant at) {
    return jdbc.update("update evidence_pack set content_cipher = null, erased_at = ? where case_id = ? "
        + "and content_cipher is not null", Timestamp.from(at), caseId);
  }

  private static final String COLUMNS = "id, case_id, created_at, content_cipher, content_sha256, text_sha256, erased_at";

  private Pack map(ResultSet rs, int n) throws SQLException {
    String stored = rs.getString("content_cipher");
    Timestamp erasedAt = rs.getTimestamp("erased_at");
    return new Pack(rs.getLong("id"), rs.getLong("case_id"), rs.getTimestamp("created_at").toInstant(),
        stored == null ? null : Base64.getDecoder().decode(cipher.decrypt(stored)), rs.getString("content_sha256"),
        rs.getString("text_sha256"), erasedAt == null ? null : erasedAt.toInstant());
  }
}
