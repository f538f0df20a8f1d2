package com.carloan.overdue.escalation;

import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.Hashes;
import com.carloan.overdue.communication.CommunicationLog;
import com.carloan.overdue.identity.CaseAccess;
import com.carloan.overdue.identity.GroupAuthority;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{loanId}/evidence-pack}: the case's newest evidence pack as a PDF, for legal staff
 * and supervisors; linked from the {@code handleLitigation} form, so a Tasklist session is enough
 * (see identity.WebappSessionAuthentication). Every download is audited like a communications read.
 */
@RestController
class EvidencePackController {

  /** RFC 9530: the SHA-256 of the PDF as sent. */
  static final String REPR_DIGEST = "Repr-Digest";

  private final LoanCases cases;
  private final EvidencePacks packs;
  private final CommunicationLog communications;
  private final CaseAccess access;

  EvidencePackController(LoanCases cases, EvidencePacks packs, CommunicationLog communications, CaseAccess access) {
    this.cases = cases;
    this.packs = packs;
    this.communications = communications;
    this.access = access;
  }

  @GetMapping("/api/cases/{loanId}/evidence-pack")
  @Secured({GroupAuthority.LEGAL, GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN})
  @Transactional
  public ResponseEntity<byte[]> download(@PathVariable String loanId) {
    LoanCase c = cases.findLatest(loanId).orElseThrow(() -> RequestRejected.notFound("No case for loan " + loanId));
    EvidencePacks.Pack pack = packs.latest(c.id())
        .orElseThrow(() -> RequestRejected.notFound("No evidence pack for loan " + loanId));
    if (pack.erased()) {
      throw RequestRejected.notFound("The evidence pack of loan " + loanId + " was erased after the retention period");
    }
    if (!Hashes.sha256(pack.pdf()).equals(pack.sha256())) {
      throw RequestRejected.conflict("The stored evidence pack of loan " + loanId + " does not match its SHA-256");
    }
    communications.auditRead(c, access.currentUserId(), communications.list(c.id()).size(),
        CommunicationLog.Access.EVIDENCE_PACK);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("evidence-pack-" + loanId + "-" + pack.id() + ".pdf").build().toString())
        .header(REPR_DIGEST, "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(pack.sha256())) + ":")
        .eTag("\"" + pack.sha256() + "\"")
        .cacheControl(CacheControl.noStore())
        .body(pack.pdf());
  }
}
