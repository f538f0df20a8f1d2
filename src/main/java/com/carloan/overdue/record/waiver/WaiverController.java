package com.carloan.overdue.record.waiver;

import com.carloan.overdue.allocation.CaseOwners;
import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.JsonBody;
import com.carloan.overdue.api.JsonFields;
import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.identity.CaseAccess;
import com.carloan.overdue.identity.GroupAuthority;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
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

/** {@code /api/cases/{loanId}/waivers} (减免, CONTRACT §5): ask for a waiver, and read the case's waivers. */
@RestController
class WaiverController {

  private final LoanCases cases;
  private final Waivers waivers;
  private final CaseOwners owners;
  private final CaseAccess access;
  private final JsonBody json;

  WaiverController(LoanCases cases, Waivers waivers, CaseOwners owners, CaseAccess access, JsonBody json) {
    this.cases = cases;
    this.waivers = waivers;
    this.owners = owners;
    this.access = access;
    this.json = json;
  }

  /** The case's owner and supervisors ask; someone else with the authority approves in approveWaiver. */
  @Secured({GroupAuthority.AGENT, GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN})
  @PostMapping(path = "/api/cases/{loanId}/waivers", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public Map<String, Object> request(@PathVariable String loanId, InputStream body) throws IOException {
    JsonFields fields = JsonFields.of(json.read(body));
    String kind = fields.text("kind");
    BigDecimal amount = fields.decimal("amount");
    String reason = fields.text("reason");
    // the row lock serializes the case's waivers, so two at once cannot both be the pending one
    LoanCase c = cases.lockActive(loanId).orElseThrow(() -> RequestRejected.notFound("No active case for loan " + loanId));
    owners.requireCurrentOwnerOr(c.id(), loanId, "asks for a waiver");
    List<FieldError> errors = fields.withRuleErrors(WaiverRules.problems(kind, amount, reason, waivers.standing(c)));
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    long id = waivers.request(c, WaiverRules.Kind.valueOf(kind), amount, reason, access.currentUserId());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("waiverId", id);
    answer.put("status", "PENDING");
    return answer;
  }

  @GetMapping("/api/cases/{loanId}/waivers")
  public List<Waivers.Waiver> read(@PathVariable String loanId) {
    LoanCase c = cases.findLatest(loanId).orElseThrow(() -> RequestRejected.notFound("No case for loan " + loanId));
    owners.requireReader(c.id(), loanId);
    return waivers.list(c.id());
  }
}
