package com.carloan.overdue.escalation;

import com.carloan.overdue.archive.CaseRecord;
import com.carloan.overdue.archive.CaseRecords;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.common.Hashes;
import com.carloan.overdue.communication.Communication;
import com.carloan.overdue.common.Inserts;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.privacy.FieldCipher;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The evidence pack for legal action (证据材料): case summary, timeline with who decided what, every
 * message in order with its hash, and the credit-report notice, as one document with a SHA-256.
 */
@Service
public class EvidencePacks {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessClock.ZONE);

  private final CaseRecords records;
  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;
  private final BusinessClock clock;

  EvidencePacks(CaseRecords records, JdbcTemplate jdbc, FieldCipher cipher, BusinessClock clock) {
    this.records = records;
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** @return the pack's id */
  public long compile(String loanId, Map<String, Object> variables) {
    LoanCase c = records.activeCase(loanId);
    String document = render(records.of(c, variables), clock.now());
    return Inserts.returningId(jdbc,
        "insert into evidence_pack (case_id, created_at, content_sha256, content_cipher) values (?, ?, ?, ?)",
        c.id(), Timestamp.from(clock.now()), Hashes.sha256(document), cipher.encrypt(document));
  }

  /** The pack as text, decrypted, with the hash it was stored under. */
  public Map<String, String> read(long packId) {
    return jdbc.queryForObject("select content_cipher, content_sha256 from evidence_pack where id = ?",
        (rs, n) -> Map.of("content", cipher.decrypt(rs.getString(1)), "sha256", rs.getString(2)), packId);
  }

  static String render(CaseRecord r, Instant compiledAt) {
    StringBuilder out = new StringBuilder();
    out.append("证据材料 Evidence pack — 贷款 Loan ").append(r.loanId()).append('\n');
    out.append("编制时间 Compiled: ").append(TIME.format(compiledAt)).append(" (Asia/Shanghai)\n\n");
    out.append("借款人 Borrower: ").append(r.borrowerName()).append(", ").append(r.borrowerPhoneMasked()).append('\n');
    out.append("车辆 Vehicle: ").append(r.vehiclePlate()).append('\n');
    out.append("逾期金额 Amount due: ").append(r.amountDue().toPlainString())
        .append("; 已还 Repaid: ").append(r.amountRepaid().toPlainString()).append('\n');
    out.append("风险等级 Risk: ").append(r.riskLevel()).append("; 升级原因 Escalation reason: ").append(r.escalationReason()).append('\n');
    out.append("征信报送前告知 Credit-report notice: ")
        .append(r.creditNoticeAt() == null ? "未发送 not sent" : TIME.format(r.creditNoticeAt())).append("\n\n");
    out.append("经过 Timeline\n");
    for (CaseRecord.Step s : r.timeline()) {
      out.append("- ").append(s.startedAt() == null ? "" : TIME.format(s.startedAt())).append("  ").append(s.name())
          .append(s.completedBy() == null ? "" : " (" + s.completedBy() + ")")
          .append(s.decisions().isEmpty() ? "" : " " + s.decisions()).append('\n');
    }
    out.append("\n沟通记录 Communications\n");
    for (Communication m : r.communications()) {
      out.append("- #").append(m.seq()).append(' ').append(TIME.format(m.recordedAt())).append("  ").append(m.channel())
          .append(' ').append(m.direction()).append(" (").append(m.recordedBy()).append(") hash=").append(m.hash())
          .append('\n').append("  ").append(m.content().replace("\n", "\n  ")).append('\n');
    }
    out.append("\n证据链 Evidence chain: head ").append(r.communicationsHead())
        .append(r.chainVerified() ? " — 校验通过 verified" : " — 校验失败 BROKEN").append('\n');
    return out.toString();
  }

}
