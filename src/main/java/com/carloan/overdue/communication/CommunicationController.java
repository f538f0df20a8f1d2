package com.carloan.overdue.communication;

import com.carloan.overdue.allocation.CaseOwners;
import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.identity.CaseAccess;
import com.carloan.overdue.identity.CollectionGroups;
import com.carloan.overdue.identity.GroupAuthority;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cases/{loanId}/communications}: record a chat or call, read the case's evidence (audited). */
@RestController
class CommunicationController {

  static final int MAX_CONTENT = 4000;
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");

  record NewCommunication(String channel, String direction, String content) {}

  record CommunicationView(long id, String loanId, int seq, String channel, String direction, String content,
      String recordedBy, java.time.Instant recordedAt, String hash) {

    static CommunicationView of(String loanId, Communication c) {
      return new CommunicationView(c.id(), loanId, c.seq(), c.channel(), c.direction(), c.content(), c.recordedBy(),
          c.recordedAt(), c.hash());
    }
  }

  private final LoanCases cases;
  private final CommunicationLog log;
  private final CaseAccess access;
  private final CaseOwners owners;

  CommunicationController(LoanCases cases, CommunicationLog log, CaseAccess access, CaseOwners owners) {
    this.cases = cases;
    this.log = log;
    this.access = access;
    this.owners = owners;
  }

  @PostMapping("/api/cases/{loanId}/communications")
  @ResponseStatus(HttpStatus.CREATED)
  @Secured({GroupAuthority.AGENT, GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN})
  @Transactional
  public CommunicationView record(@PathVariable String loanId, @RequestBody NewCommunication body) {
    List<FieldError> errors = validate(body);
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    LoanCase c = cases.findActive(loanId).orElseThrow(() -> RequestRejected.notFound("No active case for loan " + loanId));
    owners.requireOwnerUnlessSupervising(c.id(), loanId);
    Communication saved = log.append(c, CommunicationLog.Channel.valueOf(body.channel()),
        CommunicationLog.Direction.valueOf(body.direction()), body.content(), access.currentUserId());
    return CommunicationView.of(loanId, saved);
  }

  /** Supervisors, legal staff and the agents who worked the case; every read is written to the audit log. */
  @GetMapping("/api/cases/{loanId}/communications")
  @Transactional
  public List<CommunicationView> read(@PathVariable String loanId) {
    LoanCase c = cases.findLatest(loanId).orElseThrow(() -> RequestRejected.notFound("No case for loan " + loanId));
    String caller = access.currentUserId();
    requireReader(c);
    List<Communication> all = log.list(c.id());
    log.auditRead(c, caller, all.size());
    return all.stream().map(m -> CommunicationView.of(loanId, m)).collect(Collectors.toList());
  }

  /** Recomputes the case's hash chain from the stored records: whether any was changed, removed or reordered. */
  @GetMapping("/api/cases/{loanId}/communications/verification")
  public CommunicationLog.ChainStatus verify(@PathVariable String loanId) {
    LoanCase c = cases.findLatest(loanId).orElseThrow(() -> RequestRejected.notFound("No case for loan " + loanId));
    requireReader(c);
    return log.verify(loanId, log.list(c.id()));
  }

  private void requireReader(LoanCase c) {
    owners.requireReader(c.id(), c.loanId());
  }

  private static List<FieldError> validate(NewCommunication body) {
    List<FieldError> errors = new ArrayList<>();
    if (body == null) {
      return List.of(new FieldError("body", "is required"));
    }
    if (!names(CommunicationLog.Channel.class).contains(String.valueOf(body.channel()))) {
      errors.add(new FieldError("channel", "must be one of WECHAT, PHONE, SMS"));
    }
    if (!names(CommunicationLog.Direction.class).contains(String.valueOf(body.direction()))) {
      errors.add(new FieldError("direction", "must be one of INBOUND, OUTBOUND"));
    }
    if (body.content() == null || body.content().isBlank()) {
      errors.add(new FieldError("content", "is required"));
    } else if (body.content().length() > MAX_CONTENT) {
      errors.add(new FieldError("content", "must be at most " + MAX_CONTENT + " characters"));
    } else if (EXPRESSION.matcher(body.content()).find()) {
      errors.add(new FieldError("content", "must not contain expression syntax such as ${ or #{"));
    }
    return errors;
  }

  private static <E extends Enum<E>> List<String> names(Class<E> type) {
    return EnumSet.allOf(type).stream().map(Enum::name).toList();
  }
}
