package com.carloan.overdue.record.note;

import com.carloan.overdue.allocation.CaseOwners;
import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.JsonBody;
import com.carloan.overdue.api.JsonFields;
import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.communication.CommunicationLog;
import com.carloan.overdue.identity.CaseAccess;
import com.carloan.overdue.identity.GroupAuthority;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.payment.Payments;
import com.carloan.overdue.record.promise.Promises;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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

/** {@code /api/cases/{loanId}/notes} and {@code /promises} (CONTRACT §5): the collection record, written and read. */
@RestController
class NoteController {

  private final LoanCases cases;
  private final CaseNotes notes;
  private final Promises promises;
  private final Payments payments;
  private final CaseOwners owners;
  private final CaseAccess access;
  private final CommunicationLog audit;
  private final JsonBody json;
  private final BusinessClock clock;

  NoteController(LoanCases cases, CaseNotes notes, Promises promises, Payments payments, CaseOwners owners,
      CaseAccess access, CommunicationLog audit, JsonBody json, BusinessClock clock) {
    this.cases = cases;
    this.notes = notes;
    this.payments = payments;
    this.promises = promises;
    this.owners = owners;
    this.access = access;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** The case's owner and supervisors record what a contact brought. */
  @Secured({GroupAuthority.AGENT, GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN})
  @PostMapping(path = "/api/cases/{loanId}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public Map<String, Object> record(@PathVariable String loanId, InputStream body) throws IOException {
    JsonFields fields = JsonFields.of(json.read(body));
    LoanCase c = cases.findActive(loanId).orElseThrow(() -> RequestRejected.notFound("No active case for loan " + loanId));
    // an agent writes only on the case they own now; former owners may still read it
    owners.requireCurrentOwnerOr(c.id(), loanId, "records notes");
    NoteRules.Draft draft = draft(fields);
    List<FieldError> errors = fields.withRuleErrors(
        NoteRules.problems(draft, clock.today(), clock.now(), payments.leftToPay(c)));
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    CaseNotes.Recorded recorded = notes.record(c, NoteRules.checked(draft), access.currentUserId());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("noteId", recorded.noteId());
    if (recorded.promiseId() != null) {
      answer.put("promiseId", recorded.promiseId());
    }
    if (recorded.nextFollowUp() != null) {
      answer.put("nextFollowUp", recorded.nextFollowUp().atZone(BusinessClock.ZONE).toOffsetDateTime());
    }
    return answer;
  }

  /** The owner (and former owners), supervisors, managers and legal staff; every read is audited. */
  @GetMapping("/api/cases/{loanId}/notes")
  @Transactional
  public List<CaseNotes.Note> read(@PathVariable String loanId) {
    LoanCase c = cases.findLatest(loanId).orElseThrow(() -> RequestRejected.notFound("No case for loan " + loanId));
    requireReader(c);
    List<CaseNotes.Note> all = notes.list(c.id());
    audit.auditRead(c, access.currentUserId(), all.size(), CommunicationLog.Access.NOTES);
    return all;
  }

  @GetMapping("/api/cases/{loanId}/promises")
  public List<Promises.Promise> promises(@PathVariable String loanId) {
    LoanCase c = cases.findLatest(loanId).orElseThrow(() -> RequestRejected.notFound("No case for loan " + loanId));
    requireReader(c);
    return promises.list(c.id());
  }

  private static NoteRules.Draft draft(JsonFields fields) {
    JsonFields promise = fields.object("promise");
    OffsetDateTime followUp = fields.dateTime("nextFollowUp");
    return new NoteRules.Draft(fields.text("channel"), fields.text("reached"), fields.text("phoneStatus"),
        fields.text("feedback"), fields.text("text"), promise == null ? null : promise.decimal("amount"),
        promise == null ? null : promise.date("date"), promise != null, followUp == null ? null : followUp.toInstant());
  }

  private void requireReader(LoanCase c) {
    owners.requireReader(c.id(), c.loanId());
  }
}
