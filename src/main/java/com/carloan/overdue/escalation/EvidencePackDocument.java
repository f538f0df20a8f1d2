package com.carloan.overdue.escalation;

import static com.carloan.overdue.escalation.PdfPages.BODY;
import static com.carloan.overdue.escalation.PdfPages.INK;
import static com.carloan.overdue.escalation.PdfPages.MUTED;
import static com.carloan.overdue.escalation.PdfPages.SMALL;
import static com.carloan.overdue.process.CaseVariables.IDENTITY_VERIFIED;
import static com.carloan.overdue.process.CaseVariables.OVERDUE_REASON;
import static com.carloan.overdue.process.CaseVariables.VERIFICATION_NOTES;
import static com.carloan.overdue.process.CaseVariables.WILLING_TO_REPAY;

import com.carloan.overdue.archive.CaseRecord;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.common.Hashes;
import com.carloan.overdue.communication.Communication;
import com.carloan.overdue.contact.ContactHistory;
import com.carloan.overdue.record.complaint.Complaints;
import com.carloan.overdue.record.note.CaseNotes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * What the evidence pack (证据材料) says, in the order a court clerk reads it: case summary, the
 * credit-report notice, the verification result, the timeline, every communication with its hash, and
 * the evidence chain. Bilingual labels: Chinese first, English after.
 */
final class EvidencePackDocument {

  /**
   * @param textSha256 SHA-256 of the text printed in the pack (its body lines, UTF-8, one per line): what
   *     every page's footer shows, since a file cannot carry its own hash
   */
  record Rendered(byte[] pdf, String textSha256, int pages) {}

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessClock.ZONE);
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BusinessClock.ZONE);
  private static final float LABELS = 150f;

  private static final Map<String, String> REASONS = Map.of(
      "HIGH_RISK", "高风险，评估后直接升级 High risk",
      "SUPERVISOR_DECISION", "主管复核决定升级 Supervisor decision",
      "CONTACT_REFUSED", "借款人拒绝添加企业微信 Contact refused",
      "NO_CONTACT", "多次联系未果 No contact",
      "IDENTITY_UNVERIFIED", "身份未能核实 Identity unverified",
      "UNWILLING", "借款人无还款意愿 Unwilling",
      "NEGOTIATION_FAILED", "协商失败 Negotiation failed",
      "NO_RESPONSE", "借款人逾期未回复 No response",
      "BROKEN_PROMISE", "违反还款承诺 Broken promise");
  private static final Map<String, String> OVERDUE_REASONS = Map.of(
      "ECONOMIC_HARDSHIP", "经济困难 Economic hardship",
      "OPERATIONAL_SLIP", "疏忽或操作失误 Operational slip",
      "WILLFUL_DEFAULT", "恶意拖欠 Willful default",
      "OTHER", "其他 Other");
  private static final Map<String, String> RISK = Map.of("HIGH", "高 High", "MEDIUM", "中 Medium", "LOW", "低 Low");
  private static final Map<String, String> CHANNELS = Map.of("SMS", "短信", "PHONE", "电话", "WECHAT", "企业微信");
  private static final Map<String, String> DIRECTIONS = Map.of("OUTBOUND", "发出", "INBOUND", "收到");

  private EvidencePackDocument() {}

  static Rendered render(CaseRecord r, Optional<ContactHistory.Sms> creditNotice, Instant compiledAt,
      EvidencePackFont font) {
    try (var fontFile = font.open(); PDDocument document = new PDDocument()) {
      PdfPages pages = new PdfPages(document, fontFile.embedIn(document));
      write(pages, r, creditNotice, compiledAt);
      String textSha256 = Hashes.sha256(pages.printedText());
      pages.finish("证据材料 Evidence pack · 贷款 Loan " + r.loanId(), "内容 SHA-256 Text hash: " + textSha256);
      describe(document, r, compiledAt);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return new Rendered(out.toByteArray(), textSha256, pages.pages().size());
    } catch (IOException e) {
      throw new UncheckedIOException("Evidence pack for loan " + r.loanId() + " could not be written", e);
    }
  }

  private static void write(PdfPages p, CaseRecord r, Optional<ContactHistory.Sms> notice, Instant compiledAt) {
    p.title("证据材料  Evidence pack", 18f);
    p.paragraph("贷款编号 Loan " + r.loanId(), 12f, 0, INK);
    p.paragraph("编制时间 Compiled " + MINUTE.format(compiledAt) + " (Asia/Shanghai) · 用于法律诉讼 For legal action",
        BODY, 0, MUTED);

    p.heading("一、案件摘要  Case summary");
    p.field("贷款编号 Loan ID", r.loanId(), LABELS);
    p.field("借款人 Borrower", r.borrowerName(), LABELS);
    p.field("手机号 Phone (masked)", r.borrowerPhoneMasked(), LABELS);
    p.field("车牌 Vehicle plate", r.vehiclePlate(), LABELS);
    p.field("逾期金额 Amount due", money(r.amountDue()), LABELS);
    p.field("已还金额 Amount repaid", money(r.amountRepaid()), LABELS);
    p.field("未还金额 Outstanding", money(r.amountDue().subtract(r.amountRepaid()).max(BigDecimal.ZERO)), LABELS);
    p.field("风险等级 Risk level", label(RISK, r.riskLevel()), LABELS);
    p.field("催收策略 Strategy", r.strategy(), LABELS);
    p.field("升级原因 Escalation reason", label(REASONS, r.escalationReason()), LABELS);
    p.field("立案时间 Case opened", time(r.openedAt()), LABELS);
    p.field("流程实例 Process instance", r.processInstanceId(), LABELS);

    p.heading("二、征信报送前告知  Credit-report notice（《征信业管理条例》第十五条）");
    if (r.creditNoticeAt() == null) {
      p.paragraph("未发送 Not sent", BODY, 0, INK);
    } else {
      p.field("告知时间 Notice given", time(r.creditNoticeAt()), LABELS);
      p.field("短信状态 SMS", notice.map(EvidencePackDocument::delivery).orElse("—"), LABELS);
      p.field("告知内容 Text", notice.map(ContactHistory.Sms::text).orElse("—"), LABELS);
      notice.flatMap(n -> r.communications().stream().filter(c -> c.content() != null && c.content().equals(n.text()))
          .findFirst()).ifPresent(c -> {
            p.field("沟通记录 Record", "#" + c.seq() + "（见“五、沟通记录” see Communications）", LABELS);
            p.paragraph("SHA-256 " + c.hash(), SMALL, LABELS, MUTED);
          });
    }

    p.heading("三、核实结果  Verification result");
    Optional<CaseRecord.Step> verification = r.timeline().stream()
        .filter(s -> "verifyBorrower".equals(s.activityId()) && s.endedAt() != null)
        .reduce((first, second) -> second);
    if (verification.isEmpty()) {
      p.paragraph("未经核实：案件在信息核实前已升级。 Not verified: the case escalated before verification.", BODY, 0, INK);
    } else {
      Map<String, Object> d = verification.get().decisions();
      p.field("身份已核实 Identity verified", yesNo(d.get(IDENTITY_VERIFIED)), LABELS);
      p.field("逾期原因 Overdue reason", label(OVERDUE_REASONS, (String) d.get(OVERDUE_REASON)), LABELS);
      p.field("还款意愿 Willing to repay", yesNo(d.get(WILLING_TO_REPAY)), LABELS);
      p.field("核实记录 Notes", d.get(VERIFICATION_NOTES) == null ? null : d.get(VERIFICATION_NOTES).toString(), LABELS);
      p.field("核实人 Verified by", verification.get().completedBy() + " · " + time(verification.get().endedAt()), LABELS);
    }

    p.heading("四、处理经过  Timeline");
    for (CaseRecord.Step s : r.timeline()) {
      p.keepTogether(30);
      p.paragraph(time(s.startedAt()) + "  " + (s.name() == null ? s.activityId() : s.name())
          + (s.completedBy() == null ? "" : "  · " + s.completedBy()), BODY, 0, INK);
      if (!s.decisions().isEmpty()) {
        p.paragraph(s.decisions().entrySet().stream().map(e -> e.getKey() + " = " + show(e.getValue()))
            .collect(Collectors.joining("; ")), BODY, 12, MUTED);
      }
    }

    List<Communication> messages = r.communications();
    p.heading("五、沟通记录  Communications (" + messages.size() + ")");
    for (Communication m : messages) {
      p.keepTogether(60);
      p.paragraph("#" + m.seq() + "  " + SECOND.format(m.recordedAt()) + "  " + m.channel() + " " + m.direction()
          + " (" + m.recordedBy() + ")  " + CHANNELS.getOrDefault(m.channel(), "") + "·"
          + DIRECTIONS.getOrDefault(m.direction(), ""), BODY, 0, INK);
      p.paragraph(m.content() == null ? "（内容已删除 content erased）" : m.content(), BODY, 12, INK);
      p.paragraph("SHA-256 " + m.hash(), SMALL, 12, MUTED);
      p.paragraph("prev    " + m.prevHash(), SMALL, 12, MUTED);
      p.space(4);
    }

    p.heading("六、证据链校验  Evidence chain");
    p.field("记录数 Records", Integer.toString(messages.size()), LABELS);
    p.field("链头 Chain head", r.communicationsHead(), LABELS);
    p.field("校验 Verification", r.chainVerified()
        ? "校验通过 verified: every hash recomputes from its record and the hash before it"
        : "校验失败 BROKEN: a record was changed, removed or reordered after it was written", LABELS);
    p.space(6);
    p.paragraph("每条记录的哈希 = SHA-256(前一条哈希 | 贷款编号 | 序号 | 渠道 | 方向 | 内容 | 记录人 | 时间)，逐条相连；"
        + "任何一条被修改、删除或调换，其后的哈希都不再相符。 Each record's hash covers its fields and the hash before it, "
        + "so a changed, removed or reordered record breaks every hash after it.", SMALL, 0, MUTED);

    List<CaseNotes.Note> notes = r.notes() == null ? List.of() : r.notes();
    p.heading("七、催记  Collection notes (" + notes.size() + ")");
    for (CaseNotes.Note n : notes) {
      p.keepTogether(40);
      p.paragraph(MINUTE.format(n.recordedAt()) + "  " + n.channel() + " · " + n.reached()
          + (n.phoneStatus() == null ? "" : " · " + n.phoneStatus()) + " · " + n.feedback() + "  (" + n.recordedBy() + ")",
          BODY, 0, INK);
      if (n.promise() != null) {
        p.paragraph("承诺还款 Promise " + money(n.promise().amount()) + " 于 by " + n.promise().date() + " · "
            + n.promise().status(), BODY, 12, INK);
      }
      if (n.text() != null) {
        p.paragraph(n.text(), BODY, 12, MUTED);
      }
    }

    List<Complaints.Complaint> complaints = r.complaints() == null ? List.of() : r.complaints();
    p.heading("八、投诉及处理  Complaints and their handling (" + complaints.size() + ")");
    for (Complaints.Complaint c : complaints) {
      p.keepTogether(60);
      p.paragraph("#" + c.complaintId() + "  " + MINUTE.format(c.receivedAt()) + "  " + c.channel() + " · " + c.category()
          + "  (" + c.receivedBy() + ") · 期限 due " + MINUTE.format(c.dueAt()), BODY, 0, INK);
      p.paragraph(c.content() == null ? "（内容已删除 content erased）" : c.content(), BODY, 12, INK);
      p.paragraph(c.handledAt() == null ? "处理中 Being handled"
          : "处理 Handled " + MINUTE.format(c.handledAt()) + " · " + c.resolution() + " (" + c.handledBy() + ")"
              + (c.response() == null ? "" : "：" + c.response()), BODY, 12, MUTED);
      p.space(4);
    }
  }

  private static void describe(PDDocument document, CaseRecord r, Instant compiledAt) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle("证据材料 Evidence pack " + r.loanId());
    info.setSubject("Loan " + r.loanId() + " — " + r.escalationReason());
    info.setCreator("car-loan-overdue");
    GregorianCalendar created = new GregorianCalendar(java.util.TimeZone.getTimeZone(BusinessClock.ZONE));
    created.setTime(Date.from(compiledAt));
    info.setCreationDate(created);
  }

  private static String delivery(ContactHistory.Sms sms) {
    return sms.sentAt() != null ? "已发送 Sent " + time(sms.sentAt())
        : "待发送 Queued for " + time(sms.sendAfter()) + " (" + sms.status() + ")";
  }

  private static String label(Map<String, String> labels, String code) {
    if (code == null) {
      return null;
    }
    String label = labels.get(code);
    return label == null ? code : label + " (" + code + ")";
  }

  private static String yesNo(Object value) {
    return value == null ? null : Boolean.TRUE.equals(value) ? "是 Yes" : "否 No";
  }

  private static String show(Object value) {
    if (value instanceof Date d) {
      return MINUTE.format(d.toInstant());
    }
    return String.valueOf(value).replace('\n', ' ');
  }

  private static String money(BigDecimal amount) {
    return amount == null ? null : "¥" + new DecimalFormat("#,##0.00").format(amount);
  }

  private static String time(Instant at) {
    return at == null ? null : MINUTE.format(at);
  }
}
