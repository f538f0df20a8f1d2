package com.carloan.overdue.modelchange;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.JsonBody;
import com.carloan.overdue.api.JsonFields;
import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.identity.CaseAccess;
import com.carloan.overdue.identity.GroupAuthority;
import com.carloan.overdue.process.CaseVariables;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CONTRACT §6, for process owners (and admins): the versions of {@code carLoanOverdue} with their running cases,
 * migrating cases between versions (dry run first), and previewing a changed {@code overdueStrategy}.
 */
@RestController
class ModelChangeController {

  private static final int MAX_DAYS = 3650;

  private final ProcessVersions versions;
  private final VersionMapping mapping;
  private final CaseMigrations migrations;
  private final DecisionPreview preview;
  private final CaseAccess access;
  private final JsonBody json;

  ModelChangeController(ProcessVersions versions, VersionMapping mapping, CaseMigrations migrations,
      DecisionPreview preview, CaseAccess access, JsonBody json) {
    this.versions = versions;
    this.mapping = mapping;
    this.migrations = migrations;
    this.preview = preview;
    this.access = access;
    this.json = json;
  }

  @Secured({GroupAuthority.PROCESS_OWNER, GroupAuthority.ADMIN})
  @GetMapping("/api/process-versions")
  public List<ProcessVersions.Version> versions() {
    return versions.all();
  }

  /** {@code dryRun} true (the default): what would move and what would stay; false: start moving (202). */
  @Secured({GroupAuthority.PROCESS_OWNER, GroupAuthority.ADMIN})
  @PostMapping(path = "/api/process-versions/migrations", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> migrate(InputStream body) throws IOException {
    JsonFields fields = JsonFields.of(json.read(body));
    Integer from = fields.integer("fromVersion");
    Integer to = fields.integer("toVersion");
    Boolean dryRun = fields.bool("dryRun");
    List<FieldError> rules = new ArrayList<>();
    // a field of the wrong type already has its reason; withRuleErrors keeps that one
    if (from == null) {
      rules.add(new FieldError("fromVersion", "is required"));
    }
    if (to == null) {
      rules.add(new FieldError("toVersion", "is required"));
    }
    if (from != null && from.equals(to)) {
      rules.add(new FieldError("toVersion", "must differ from fromVersion"));
    }
    List<FieldError> errors = fields.withRuleErrors(rules);
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    Optional<ProcessDefinition> source = versions.find(from);
    Optional<ProcessDefinition> target = versions.find(to);
    if (source.isEmpty() || target.isEmpty()) {
      List<FieldError> unknown = new ArrayList<>();
      source.ifPresentOrElse(found -> {}, () -> unknown.add(notDeployed("fromVersion", from)));
      target.ifPresentOrElse(found -> {}, () -> unknown.add(notDeployed("toVersion", to)));
      throw RequestRejected.invalid(unknown);
    }
    if (!Boolean.FALSE.equals(dryRun)) {
      VersionMapping.Assessment assessment = mapping.assess(source.get(), target.get());
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("cases", assessment.cases());
      answer.put("migratable", assessment.migratable());
      answer.put("problems", assessment.problems());
      return ResponseEntity.ok(answer);
    }
    String id = migrations.start(source.get(), target.get(), access.currentUserId());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("migrationId", id));
  }

  @Secured({GroupAuthority.PROCESS_OWNER, GroupAuthority.ADMIN})
  @GetMapping("/api/process-versions/migrations/{migrationId}")
  public CaseMigrations.Progress migration(@PathVariable String migrationId) {
    return migrations.progress(migrationId)
        .orElseThrow(() -> RequestRejected.notFound("No migration " + migrationId));
  }

  /** The DMN file is the body; nothing is deployed. Bodies over the API's limit (1 MB) are refused with 413. */
  @Secured({GroupAuthority.PROCESS_OWNER, GroupAuthority.ADMIN})
  @PostMapping(path = "/api/decisions/" + DecisionPreview.DECISION_KEY + "/preview",
      consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  public DecisionPreview.Result preview(@RequestParam(defaultValue = "30") int days, InputStream body)
      throws IOException {
    if (days < 1 || days > MAX_DAYS) {
      throw RequestRejected.invalid(List.of(new FieldError("days", "must be a whole number from 1 to " + MAX_DAYS)));
    }
    byte[] dmn = body.readAllBytes();
    if (dmn.length == 0) {
      throw RequestRejected.invalid(List.of(new FieldError("body", "must be a DMN file")));
    }
    return preview.preview(dmn, days);
  }

  private FieldError notDeployed(String field, int version) {
    return new FieldError(field, "no version " + version + " of " + CaseVariables.PROCESS_KEY + " is deployed");
  }
}
