package com.carloan.overdue.intake;

import com.carloan.overdue.allocation.CaseOwners;
import com.carloan.overdue.api.JsonBody;
import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.identity.GroupAuthority;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Opening cases, one by JSON or a day's list by CSV, and looking a case up (CONTRACT §2). */
@RestController
@RequestMapping("/api/cases")
class CaseController {

  static final String TEXT_CSV = "text/csv";

  private final CaseIntakeService intake;
  private final CaseImport imports;
  private final CaseViews views;
  private final JsonBody json;

  private final LoanCases cases;
  private final CaseOwners owners;

  CaseController(CaseIntakeService intake, CaseImport imports, CaseViews views, JsonBody json, LoanCases cases,
      CaseOwners owners) {
    this.cases = cases;
    this.owners = owners;
    this.intake = intake;
    this.imports = imports;
    this.views = views;
    this.json = json;
  }

  @Secured({GroupAuthority.INTEGRATION, GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN})
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<OpenedCase> open(InputStream body) throws IOException {
    OpenedCase opened = intake.open(CaseIntakeJson.read(json.read(body)));
    return ResponseEntity.created(URI.create("/api/cases/" + opened.loanId())).body(opened);
  }

  /** The body goes to a temporary file first: the import reads it twice and never holds it in memory. */
  @Secured({GroupAuthority.INTEGRATION, GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN})
  @PostMapping(path = "/import", consumes = TEXT_CSV)
  ImportResult importCsv(InputStream body) throws IOException {
    try (SpooledBody file = SpooledBody.copy(body)) {
      return imports.run(file);
    }
  }

  @Secured({GroupAuthority.AGENT, GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.LEGAL, GroupAuthority.ADMIN})
  @GetMapping("/{loanId}")
  CaseView view(@PathVariable String loanId) {
    LoanCase c = cases.findLatest(loanId).orElseThrow(() -> RequestRejected.notFound("No case for loan " + loanId));
    owners.requireOwnerUnlessSupervising(c.id(), loanId);
    return views.view(c);
  }
}
