package com.carloan.overdue.communication;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.common.Inserts;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.privacy.FieldCipher;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The case's communications, encrypted at rest and hash-chained.
 */
@Service
public class CommunicationLog {

  public enum Channel { WECHAT, PHONE, SMS }

  public enum Direction { INBOUND, OUTBOUND }

  public record ChainStatus(boolean verified, Integer firstBrokenSeq, String head, int records) {}

  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;
  private final BusinessClock clock;

  CommunicationLog(JdbcTemplate jdbc, FieldCipher cipher, BusinessClock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.clock = clock;
  }

  public Communication append(LoanCase c, Channel channel, Direction direction, String content, String recordedBy) {
    // Appends to one case are serialized on its row, so seq and prev_hash never fork.
    jdbc.queryForObject("select id from loan_case where id = ? for update", Long.class, c.id());
    var last = jdbc.query("select seq, hash from communication where case_id = ? order by seq desc fetch first 1 rows only",
        (rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)}, c.id());
    int seq = last.isEmpty() ? 1 : (int) last.get(0)[0] + 1;
    String prev = last.isEmpty() ? HashChain.GENESIS : (String) last.get(0)[1];
    // Stored and hashed at millisecond precision, which every database keeps exactly.
    Instant at = clock.now().truncatedTo(ChronoUnit.MILLIS);
    String hash = HashChain.link(prev, c.loanId(), seq, channel.name(), direction.name(), content, recordedBy, at);
    long id = Inserts.returningId(jdbc, "insert into communication (case_id, loan_id, seq, channel, direction, "
        + "content_cipher, recorded_by, recorded_at, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.id(), c.loanId(), seq, channel.name(), direction.name(), cipher.encrypt(content), recordedBy, Timestamp.from(at),
        prev, hash);
    return new Communication(id, seq, channel.name(), direction.name(), content, recordedBy, at, prev, hash);
  }

  public List<Communication> list(long caseId) {
    return jdbc.query("select id, seq, channel, direction, content_cipher, recorded_by, recorded_at, prev_hash, hash "
        + "from communication where case_id = ? order by seq", (rs, n) -> new Communication(rs.getLong("id"),
        rs.getInt("seq"), rs.getString("channel"), rs.getString("direction"), decryptOrMark(rs.getString("content_cipher")),
        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("prev_hash"),
        rs.getString("hash")), caseId);
  }

  public ChainStatus verify(String loanId, List<Communication> inOrder) {
    Integer broken = HashChain.firstBroken(loanId, inOrder);
    return new ChainStatus(broken == null, broken, HashChain.head(inOrder), inOrder.size());
  }

  /**
   * For records whose content was erased after the retention period: only the stored hashes' linkage
   * (seq without gaps, each prevHash the hash before it) can still be checked, not the hashes themselves.
   */
  public ChainStatus verifyLinkage(List<Communication> inOrder) {
    Integer broken = HashChain.firstUnlinked(inOrder);
    return new ChainStatus(broken == null, broken, HashChain.head(inOrder), inOrder.size());
  }

  /** Writes who read the case's communications; the read and its audit record commit together. */
  public void auditRead(LoanCase c, String reader, int records) {
    auditRead(c, reader, records, Access.COMMUNICATIONS);
  }

  /** What a reader saw: the communications, the sealed archive, the evidence pack, the collection notes, the complaints. */
  public enum Access { COMMUNICATIONS, ARCHIVE, EVIDENCE_PACK, NOTES, COMPLAINTS }

  public void auditRead(LoanCase c, String reader, int records, Access access) {
    jdbc.update("insert into communication_read (case_id, loan_id, read_by, read_at, records, access) "
        + "values (?, ?, ?, ?, ?, ?)", c.id(), c.loanId(), reader, Timestamp.from(clock.now()), records, access.name());
  }

  /** Retention: the content goes, the hashes and who recorded what when stay. @return records erased */
  public int eraseContent(long caseId) {
    return jdbc.update("update communication set content_cipher = null where case_id = ? and content_cipher is not null",
        caseId);
  }

  // A record whose ciphertext was altered cannot be decrypted; it stays in the list so the chain shows where.
  // Erased content (retention) reads as null.
  private String decryptOrMark(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return cipher.decrypt(stored);
    } catch (RuntimeException e) {
      return "[unreadable: altered or unknown key]";
    }
  }
}
