package com.carloan.overdue.archive;

import com.carloan.overdue.allocation.OwnershipChange;
import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.communication.Communication;
import com.carloan.overdue.communication.CommunicationLog;
import com.carloan.overdue.identity.CaseAccess;
import com.carloan.overdue.identity.GroupAuthority;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.record.complaint.Complaints;
import com.carloan.overdue.record.note.CaseNotes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.annotation.Secured;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{loanId}/archive} (CONTRACT §2): the sealed archive of the loan's closed case,
 * proved again on every read. Supervisors and legal staff; every read is audited like a communications read.
 */
@RestController
class ArchiveController {

  record StepView(String activityId, String name, String completedBy, Instant startedAt, Instant endedAt,
      Map<String, Object> decisions) {

    static StepView of(CaseRecord.Step s) {
      return new StepView(s.activityId(), s.name(), s.completedBy(), s.startedAt(), s.endedAt(), s.decisions());
    }
  }

  record CommunicationView(int seq, String channel, String direction, String content, String recordedBy,
      Instant recordedAt, String prevHash, String hash) {

    static CommunicationView of(Communication c) {
      return new CommunicationView(c.seq(), c.channel(), c.direction(), c.content(), c.recordedBy(), c.recordedAt(),
          c.prevHash(), c.hash());
    }
  }

  /**
   * The archive. {@code evidenceHash} is the SHA-256 of the record as sealed; {@code chainVerified} says
   * that the record still hashes to it and that the communication rows still form the chain it sealed
   * (after erasure, {@code erased} is true and only the stored hashes' linkage can be checked:
   * {@code verification.scope} = HASH_LINKAGE).
   */
  record ArchiveView(String loanId, String caseOutcome, Instant closedAt, BigDecimal amountDue,
      BigDecimal amountWaived, BigDecimal amountRepaid, String escalationReason, Instant openedAt, Instant creditNoticeAt, String riskLevel,
      String strategy, String borrowerName, String borrowerPhoneMasked, String vehiclePlate, List<StepView> timeline,
      List<OwnershipChange> ownership, List<CaseNotes.Note> notes, List<Complaints.Complaint> complaints,
      List<CommunicationView> communications, String communicationsHead,
      String evidenceHash, boolean chainVerified, boolean erased, Instant erasedAt,
      CaseArchive.Verification verification) {

    static ArchiveView of(CaseArchive a) {
      CaseRecord r = a.record();
      return new ArchiveView(a.loanId(), a.caseOutcome(), a.closedAt(), a.amountDue(),
          r == null || r.amountWaived() == null ? BigDecimal.ZERO : r.amountWaived(), a.amountRepaid(),
          a.escalationReason(), r == null ? null : r.openedAt(), r == null ? null : r.creditNoticeAt(),
          r == null ? null : r.riskLevel(), r == null ? null : r.strategy(), r == null ? null : r.borrowerName(),
          r == null ? null : r.borrowerPhoneMasked(), r == null ? null : r.vehiclePlate(),
          r == null ? List.of() : r.timeline().stream().map(StepView::of).toList(),
          r == null || r.ownership() == null ? List.of() : r.ownership(),
          r == null || r.notes() == null ? List.of() : r.notes(),
          r == null || r.complaints() == null ? List.of() : r.complaints(),
          a.communications().stream().map(CommunicationView::of).toList(), a.chainHead(), a.evidenceHash(),
          a.chainVerified(), a.erased(), a.erasedAt(), a.verification());
    }
  }

  private final LoanCases cases;
  private final CaseArchives archives;
  private final CommunicationLog communications;
  private final CaseAccess access;

  ArchiveController(LoanCases cases, CaseArchives archives, CommunicationLog communications, CaseAccess access) {
    this.cases = cases;
    this.archives = archives;
    this.communications = communications;
    this.access = access;
  }

  @GetMapping("/api/cases/{loanId}/archive")
  @Secured({GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.LEGAL, GroupAuthority.ADMIN})
  @Transactional
  public ArchiveView read(@PathVariable String loanId) {
    LoanCase c = cases.findLatest(loanId).orElseThrow(() -> RequestRejected.notFound("No case for loan " + loanId));
    if (c.isOpen()) {
      throw RequestRejected.notFound("The case of loan " + loanId + " is open; it is archived when it closes");
    }
    CaseArchive archive = archives.find(c)
        .orElseThrow(() -> RequestRejected.notFound("No archive for the case of loan " + loanId));
    communications.auditRead(c, access.currentUserId(), archive.communications().size(),
        CommunicationLog.Access.ARCHIVE);
    return ArchiveView.of(archive);
  }
}
