package com.carloan.overdue.record.complaint;

import com.carloan.overdue.allocation.CaseOwners;
import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.JsonBody;
import com.carloan.overdue.api.JsonFields;
import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.communication.CommunicationLog;
import com.carloan.overdue.identity.CaseAccess;
import com.carloan.overdue.identity.CollectionGroups;
import com.carloan.overdue.identity.GroupAuthority;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.annotation.Secured;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cases/{loanId}/complaints} (CONTRACT §5): receive a complaint, and read a case's complaints (audited). */
@RestController
class ComplaintController {

  private final LoanCases cases;
  private final Complaints complaints;
  private final CaseOwners owners;
  private final CaseAccess access;
  private final CommunicationLog audit;
  private final JsonBody json;

  ComplaintController(LoanCases cases, Complaints complaints, CaseOwners owners, CaseAccess access,
      CommunicationLog audit, JsonBody json) {
    this.cases = cases;
    this.complaints = complaints;
    this.owners = owners;
    this.access = access;
    this.json = json;
    this.audit = audit;
  }

  /** The case's owner, supervisors and the loan system (a complaint that reached the lender) record one. */
  @Secured({GroupAuthority.AGENT, GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN,
      GroupAuthority.INTEGRATION})
  @PostMapping(path = "/api/cases/{loanId}/complaints", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public Map<String, Object> receive(@PathVariable String loanId, InputStream body) throws IOException {
    JsonFields fields = JsonFields.of(json.read(body));
    String channel = fields.text("channel");
    String category = fields.text("category");
    String content = fields.text("content");
    List<FieldError> errors = fields.withRuleErrors(ComplaintRules.problems(channel, category, content));
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    LoanCase c = cases.lockActive(loanId).orElseThrow(() -> RequestRejected.notFound("No active case for loan " + loanId));
    owners.requireCurrentOwnerOr(c.id(), loanId, "(or the loan system) records a complaint",
        CollectionGroups.INTEGRATION);
    return Map.of("complaintId", complaints.receive(c, channel, category, content, access.currentUserId()));
  }

  /** Supervisors, managers, legal officers: what was complained about and how it was answered. */
  @Secured({GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.LEGAL, GroupAuthority.ADMIN})
  @GetMapping("/api/cases/{loanId}/complaints")
  @Transactional
  public List<Complaints.Complaint> read(@PathVariable String loanId) {
    LoanCase c = cases.findLatest(loanId).orElseThrow(() -> RequestRejected.notFound("No case for loan " + loanId));
    List<Complaints.Complaint> all = complaints.list(c.id());
    audit.auditRead(c, access.currentUserId(), all.size(), CommunicationLog.Access.COMPLAINTS);
    return all;
  }
}
