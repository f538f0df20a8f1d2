package com.carloan.overdue.record.pause;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.annotation.Secured;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases/{loanId}/pause} and {@code /resume} (CONTRACT §5): supervisors and legal officers. */
@RestController
class PauseController {

  private final LoanCases cases;
  private final CasePauses pauses;
  private final CaseAccess access;
  private final JsonBody json;

  PauseController(LoanCases cases, CasePauses pauses, CaseAccess access, JsonBody json) {
    this.cases = cases;
    this.pauses = pauses;
    this.access = access;
    this.json = json;
  }

  @Secured({GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.LEGAL, GroupAuthority.ADMIN})
  @PostMapping(path = "/api/cases/{loanId}/pause", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public Map<String, Object> pause(@PathVariable String loanId, InputStream body) throws IOException {
    JsonFields fields = JsonFields.of(json.read(body));
    String reason = fields.text("reason");
    String note = fields.text("note");
    List<FieldError> errors = fields.withRuleErrors(PauseRules.problems(reason, note));
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    LoanCase c = active(loanId);
    CasePauses.Paused paused = pauses.pause(c, PauseRules.Reason.valueOf(reason),
        note == null || note.isBlank() ? null : note.strip(), access.currentUserId(), null);
    return answer(loanId, paused);
  }

  /** Lifts the case's pauses; a complaint's stands until the complaint is handled. */
  @Secured({GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.LEGAL, GroupAuthority.ADMIN})
  @PostMapping("/api/cases/{loanId}/resume")
  @Transactional
  public Map<String, Object> resume(@PathVariable String loanId) {
    return answer(loanId, pauses.resume(active(loanId), access.currentUserId()).orElse(null));
  }

  private LoanCase active(String loanId) {
    return cases.findActive(loanId).orElseThrow(() -> RequestRejected.notFound("No active case for loan " + loanId));
  }

  private static Map<String, Object> answer(String loanId, CasePauses.Paused paused) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("loanId", loanId);
    answer.put("paused", paused);
    return answer;
  }
}
