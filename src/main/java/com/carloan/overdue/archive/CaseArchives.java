package com.carloan.overdue.archive;

import static com.carloan.overdue.process.CaseVariables.ESCALATION_ACTION;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.common.Hashes;
import com.carloan.overdue.communication.Communication;
import com.carloan.overdue.communication.CommunicationLog;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.privacy.FieldCipher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Seals a closing case (记录与存档): the whole record, encrypted, with a SHA-256 over it and the head of
 * its communications' hash chain, and the case closed so the loan may get a new one. Every read
 * proves the archive again against what is stored.
 */
@Service
public class CaseArchives {

  private static final Logger log = LoggerFactory.getLogger(CaseArchives.class);

  private final CaseRecords records;
  private final LoanCases cases;
  private final CommunicationLog communications;
  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;
  private final ObjectMapper json;
  private final BusinessClock clock;

  CaseArchives(CaseRecords records, LoanCases cases, CommunicationLog communications, JdbcTemplate jdbc,
      FieldCipher cipher, ObjectMapper json, BusinessClock clock) {
    this.records = records;
    this.cases = cases;
    this.communications = communications;
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.json = json;
    this.clock = clock;
  }

  /** The sealed case and its outcome. */
  public record Sealed(long caseId, String outcome) {
  }

  public Sealed seal(String loanId, Map<String, Object> variables) {
    LoanCase c = cases.lockActive(loanId).orElseThrow(() -> new IllegalStateException("No active case for loan " + loanId));
    CaseRecord record = records.of(c, variables);
    String outcome = CaseOutcomes.decide(record.amountDue(), record.amountRepaid(), (String) variables.get(ESCALATION_ACTION));
    Instant closedAt = clock.now();
    String body = write(new SealedRecord(outcome, closedAt, record.communicationsHead(), record, null, null));
    jdbc.update("insert into case_archive (case_id, loan_id, case_outcome, escalation_reason, closed_at, amount_due, "
        + "amount_repaid, record_cipher, record_sha256, chain_head) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(),
        c.loanId(), outcome, record.escalationReason(), Timestamp.from(closedAt), record.amountDue(),
        record.amountRepaid(), cipher.encrypt(body), Hashes.sha256(body), record.communicationsHead());
    cases.close(c.id(), outcome, closedAt);
    log.info("Case of loan {} archived with outcome {}", loanId, outcome);
    return new Sealed(c.id(), outcome);
  }

  /** The sealed archive of a closed case, verified now; empty while the case is open. */
  public Optional<CaseArchive> find(LoanCase c) {
    return row(c.id(), false).map(row -> verify(c, row));
  }

  /**
   * Retention: replaces the sealed record by one without the borrower's personal data. The sealed hash
   * stays (it is what evidence pointed at); the erased record gets its own hash and names the sealed one.
   *
   * @return false when the archive was erased before
   */
  public boolean erase(long caseId, Instant at) {
    Row row = row(caseId, true).orElseThrow(() -> new IllegalStateException("No archive for case " + caseId));
    if (row.erasedAt() != null) {
      return false;
    }
    String text = decrypt(row.recordCipher());
    SealedRecord sealed = parse(text);
    if (sealed == null || !Hashes.sha256(text).equals(row.recordSha256())) {
      log.warn("Archive of loan {} did not verify before erasure; erasing it all the same", row.loanId());
    }
    SealedRecord erased = new SealedRecord(row.caseOutcome(), row.closedAt(), row.chainHead(),
        sealed == null || sealed.record() == null ? null : sealed.record().withoutPersonalData(), at, row.recordSha256());
    String body = write(erased);
    jdbc.update("update case_archive set record_cipher = ?, erased_sha256 = ?, erased_at = ? where case_id = ?",
        cipher.encrypt(body), Hashes.sha256(body), Timestamp.from(at), caseId);
    return true;
  }

  private CaseArchive verify(LoanCase c, Row row) {
    String text = decrypt(row.recordCipher());
    SealedRecord sealed = parse(text);
    boolean erased = row.erasedAt() != null;

    boolean recordVerified = sealed != null && columnsAgree(row, sealed) && (erased
        ? Hashes.sha256(text).equals(row.erasedSha256()) && row.recordSha256().equals(sealed.sealedSha256())
        : Hashes.sha256(text).equals(row.recordSha256()));

    List<Communication> stored = communications.list(c.id());
    var chain = erased ? communications.verifyLinkage(stored) : communications.verify(c.loanId(), stored);
    String sealedHead = row.chainHead() != null ? row.chainHead()
        : sealed != null && sealed.record() != null ? sealed.record().communicationsHead() : null;
    List<Communication> sealedMessages = sealed != null && sealed.record() != null ? sealed.record().communications() : null;
    boolean communicationsVerified = chain.verified() && chain.head().equals(sealedHead)
        && (sealed == null || Objects.equals(sealed.chainHead(), sealedHead))
        && (sealedMessages == null || hashes(sealedMessages).equals(hashes(stored)));

    var verification = new CaseArchive.Verification(erased ? CaseArchive.Scope.HASH_LINKAGE : CaseArchive.Scope.FULL,
        recordVerified, communicationsVerified, chain.firstBrokenSeq());
    return new CaseArchive(row.loanId(), row.caseOutcome(), row.closedAt(), row.amountDue(), row.amountRepaid(),
        row.escalationReason(), sealed == null ? null : sealed.record(),
        // the sealed messages are the evidence; the table's rows only when the record itself is unreadable
        sealedMessages != null ? sealedMessages : stored, sealedHead, row.recordSha256(), erased, row.erasedAt(),
        verification);
  }

  private static boolean columnsAgree(Row row, SealedRecord sealed) {
    CaseRecord r = sealed.record();
    return r != null && row.caseOutcome().equals(sealed.outcome()) && row.closedAt().equals(sealed.closedAt())
        && Objects.equals(row.chainHead(), sealed.chainHead())
        && same(row.amountDue(), r.amountDue()) && same(row.amountRepaid(), r.amountRepaid())
        && Objects.equals(row.escalationReason(), r.escalationReason()) && row.loanId().equals(r.loanId());
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a != null && b != null && a.compareTo(b) == 0;
  }

  private static List<String> hashes(List<Communication> messages) {
    return messages.stream().map(Communication::hash).toList();
  }

  /** The sealed record, or null when the text is not one. */
  private SealedRecord parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, SealedRecord.class);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The record's text, or null when the ciphertext was altered (AES-GCM refuses it). */
  private String decrypt(String recordCipher) {
    try {
      return cipher.decrypt(recordCipher);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Optional<Row> row(long caseId, boolean lock) {
    return jdbc.query("select case_id, loan_id, case_outcome, escalation_reason, closed_at, amount_due, amount_repaid, "
        + "record_cipher, record_sha256, chain_head, erased_at, erased_sha256 from case_archive where case_id = ?"
        + (lock ? " for update" : ""), CaseArchives::map, caseId).stream().findFirst();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Case record not serializable", e);
    }
  }

  private record Row(long caseId, String loanId, String caseOutcome, String escalationReason, Instant closedAt,
      BigDecimal amountDue, BigDecimal amountRepaid, String recordCipher, String recordSha256, String chainHead,
      Instant erasedAt, String erasedSha256) {}

  private static Row map(ResultSet rs, int n) throws SQLException {
    Timestamp erasedAt = rs.getTimestamp("erased_at");
    return new Row(rs.getLong("case_id"), rs.getString("loan_id"), rs.getString("case_outcome"),
        rs.getString("escalation_reason"), rs.getTimestamp("closed_at").toInstant(), rs.getBigDecimal("amount_due"),
        rs.getBigDecimal("amount_repaid"), rs.getString("record_cipher"), rs.getString("record_sha256"),
        rs.getString("chain_head"), erasedAt == null ? null : erasedAt.toInstant(), rs.getString("erased_sha256"));
  }
}
