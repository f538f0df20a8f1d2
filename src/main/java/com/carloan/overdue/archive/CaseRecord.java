package com.carloan.overdue.archive;

import com.carloan.overdue.allocation.OwnershipChange;
import com.carloan.overdue.communication.Communication;
import com.carloan.overdue.record.complaint.Complaints;
import com.carloan.overdue.record.note.CaseNotes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Everything that happened in a case, in order: what the archive seals and the evidence pack prints. */
public record CaseRecord(
    String loanId,
    String processInstanceId,
    String borrowerName,
    String borrowerPhoneMasked,
    String vehiclePlate,
    BigDecimal amountDue,
    BigDecimal amountWaived,
    BigDecimal amountRepaid,
    String riskLevel,
    String strategy,
    String escalationReason,
    Instant openedAt,
    Instant creditNoticeAt,
    List<Step> timeline,
    List<Communication> communications,
    String communicationsHead,
    boolean chainVerified,
    List<OwnershipChange> ownership,
    List<CaseNotes.Note> notes,
    List<Complaints.Complaint> complaints) {

  /** A step of the process: who did it, when, and what they decided. */
  public record Step(String activityId, String name, String type, String completedBy, Instant startedAt,
      Instant endedAt, Map<String, Object> decisions) {

    Step withoutPersonalData() {
      Map<String, Object> kept = new LinkedHashMap<>();
      decisions.forEach((name, value) -> kept.put(name, isCode(value) ? value : null));
      return new Step(activityId, name, type, completedBy, startedAt, endedAt, kept);
    }
  }

  // What a decision may keep after erasure: yes/no, numbers, dates and the contract's enumerated codes.
  // Free text (notes, WeCom ids) can name or describe the borrower, so it goes.
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}|\\d{4}-\\d{2}-\\d{2}");

  private static boolean isCode(Object value) {
    return value instanceof Boolean || value instanceof Number
        || value instanceof String s && CODE.matcher(s).matches();
  }

  /**
   * The record after the retention period (CONTRACT §1.9): without the borrower's name, phone,
   * vehicle, the content of the communications, collection notes and complaints, and free-text notes; with the loan, amounts, dates,
   * outcome, who did what, every decision code and every hash.
   */
  public CaseRecord withoutPersonalData() {
    return new CaseRecord(loanId, processInstanceId, null, null, null, amountDue, amountWaived, amountRepaid, riskLevel,
        strategy,
        escalationReason, openedAt, creditNoticeAt, timeline.stream().map(Step::withoutPersonalData).toList(),
        communications.stream().map(c -> new Communication(c.id(), c.seq(), c.channel(), c.direction(), null,
            c.recordedBy(), c.recordedAt(), c.prevHash(), c.hash())).toList(),
        communicationsHead, chainVerified,
        ownership == null ? null : ownership.stream().map(OwnershipChange::withoutPersonalData).toList(),
        notes == null ? null : notes.stream().map(n -> new CaseNotes.Note(n.noteId(), n.channel(), n.reached(),
            n.phoneStatus(), n.feedback(), null, n.promise(), n.nextFollowUp(), n.recordedBy(), n.recordedAt())).toList(),
        complaints == null ? null : complaints.stream().map(c -> new Complaints.Complaint(c.complaintId(), c.channel(),
            c.category(), null, c.receivedBy(), c.receivedAt(), c.dueAt(), c.resolution(), null, c.handledBy(),
            c.handledAt())).toList());
  }
}
