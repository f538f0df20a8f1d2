package com.carloan.overdue.allocation;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.JsonBody;
import com.carloan.overdue.api.JsonFields;
import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.identity.CaseAccess;
import com.carloan.overdue.identity.CollectionGroups;
import com.carloan.overdue.identity.GroupAuthority;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ownership calls of CONTRACT §4: transfer, recall, hold, availability, an agent's cases, a team's workload. */
@RestController
class OwnershipController {

  static final int MAX_LOANS = 1000;
  static final int MAX_REASON = 500;
  static final int MAX_AVAILABILITY_REASON = 40;
  static final int MAX_HOLD_DAYS = 366;

  private final OwnershipMoves moves;
  private final OwnershipViews views;
  private final TeamMembers members;
  private final CaseAccess access;
  private final JsonBody json;
  private final BusinessClock clock;

  OwnershipController(OwnershipMoves moves, OwnershipViews views, TeamMembers members, CaseAccess access,
      JsonBody json, BusinessClock clock) {
    this.moves = moves;
    this.views = views;
    this.members = members;
    this.access = access;
    this.json = json;
    this.clock = clock;
  }

  @Secured({GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN})
  @PostMapping(path = "/api/cases/transfer", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> transfer(InputStream body) throws IOException {
    JsonFields fields = JsonFields.of(json.read(body));
    List<String> loanIds = fields.texts("loanIds");
    String toAgent = fields.text("toAgent");
    String toTeam = fields.text("toTeam");
    String reason = fields.text("reason");
    List<FieldError> rules = new ArrayList<>(common(loanIds, reason));
    if ((toAgent == null) == (toTeam == null)) {
      rules.add(new FieldError("toAgent", "name exactly one of toAgent and toTeam"));
    } else if (toAgent != null && !members.isAgent(toAgent)) {
      rules.add(new FieldError("toAgent", "is not a collection agent"));
    } else if (toTeam != null && (CollectionGroups.ROLES.contains(toTeam) || !members.isTeam(toTeam))) {
      rules.add(new FieldError("toTeam", "is not a collection team"));
    }
    reject(fields, rules);
    OwnershipMoves.Outcome outcome = toAgent != null
        ? moves.transferToAgent(loanIds, toAgent, access.currentUserId(), reason.strip())
        : moves.transferToTeam(loanIds, toTeam, access.currentUserId(), reason.strip());
    return answer("transferred", outcome);
  }

  @Secured({GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN})
  @PostMapping(path = "/api/cases/recall", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> recall(InputStream body) throws IOException {
    JsonFields fields = JsonFields.of(json.read(body));
    List<String> loanIds = fields.texts("loanIds");
    String reason = fields.text("reason");
    reject(fields, common(loanIds, reason));
    return answer("recalled", moves.recall(loanIds, access.currentUserId(), reason.strip()));
  }

  @Secured({GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN})
  @PostMapping(path = "/api/cases/hold", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> hold(InputStream body) throws IOException {
    JsonFields fields = JsonFields.of(json.read(body));
    List<String> loanIds = fields.texts("loanIds");
    LocalDate until = fields.date("until");
    String reason = fields.text("reason");
    List<FieldError> rules = new ArrayList<>(common(loanIds, reason));
    LocalDate today = clock.today();
    if (until == null) {
      rules.add(new FieldError("until", "is required"));
    } else if (!until.isAfter(today)) {
      rules.add(new FieldError("until", "must be after today (" + today + ", Asia/Shanghai)"));
    } else if (until.isAfter(today.plusDays(MAX_HOLD_DAYS))) {
      rules.add(new FieldError("until", "must be within " + MAX_HOLD_DAYS + " days"));
    }
    reject(fields, rules);
    return answer("held", moves.hold(loanIds, until, access.currentUserId(), reason.strip()));
  }

  @Secured({GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN})
  @PutMapping(path = "/api/agents/{userId}/availability", consumes = MediaType.APPLICATION_JSON_VALUE)
  OwnershipMoves.AvailabilityOutcome availability(@PathVariable String userId, InputStream body) throws IOException {
    requireAgent(userId);
    JsonFields fields = JsonFields.of(json.read(body));
    Boolean available = fields.bool("available");
    String reason = fields.text("reason");
    Boolean reallocate = fields.bool("reallocate");
    List<FieldError> rules = new ArrayList<>();
    if (available == null && fields.errors().isEmpty()) {
      rules.add(new FieldError("available", "is required"));
    }
    if (reason != null && (reason.isBlank() || reason.length() > MAX_AVAILABILITY_REASON)) {
      rules.add(new FieldError("reason", "must be 1 to " + MAX_AVAILABILITY_REASON + " characters"));
    } else if (Boolean.FALSE.equals(available) && reason == null) {
      rules.add(new FieldError("reason", "is required when the agent becomes unavailable, e.g. LEAVE"));
    }
    if (Boolean.TRUE.equals(available) && Boolean.TRUE.equals(reallocate)) {
      rules.add(new FieldError("reallocate", "only applies when the agent becomes unavailable"));
    }
    reject(fields, rules);
    return moves.availability(userId, available, reason == null ? null : reason.strip(), Boolean.TRUE.equals(reallocate),
        access.currentUserId());
  }

  /** That agent, supervisors and managers. */
  @Secured({GroupAuthority.AGENT, GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN})
  @GetMapping("/api/agents/{userId}/cases")
  List<OwnershipViews.AgentCase> agentCases(@PathVariable String userId) {
    access.requireUserOrAnyGroup(userId, CollectionGroups.SUPERVISOR, CollectionGroups.MANAGER, CollectionGroups.ADMIN);
    requireAgent(userId);
    return views.casesOf(userId);
  }

  @Secured({GroupAuthority.SUPERVISOR, GroupAuthority.MANAGER, GroupAuthority.ADMIN})
  @GetMapping("/api/teams/{team}/workload")
  List<OwnershipViews.AgentLoad> workload(@PathVariable String team) {
    if (CollectionGroups.ROLES.contains(team) || !members.isTeam(team)) {
      throw RequestRejected.notFound("No collection team " + team);
    }
    return views.workload(team);
  }

  private void requireAgent(String userId) {
    if (!members.isAgent(userId)) {
      throw RequestRejected.notFound("No collection agent " + userId);
    }
  }

  private static List<FieldError> common(List<String> loanIds, String reason) {
    List<FieldError> rules = new ArrayList<>();
    if (loanIds == null) {
      rules.add(new FieldError("loanIds", "is required"));
    } else if (loanIds.isEmpty()) {
      rules.add(new FieldError("loanIds", "must name at least one loan"));
    } else if (loanIds.size() > MAX_LOANS) {
      rules.add(new FieldError("loanIds", "must name at most " + MAX_LOANS + " loans"));
    }
    if (reason == null || reason.isBlank()) {
      rules.add(new FieldError("reason", "is required"));
    } else if (reason.length() > MAX_REASON) {
      rules.add(new FieldError("reason", "must be at most " + MAX_REASON + " characters"));
    }
    return rules;
  }

  private static void reject(JsonFields fields, List<FieldError> rules) {
    List<FieldError> errors = fields.withRuleErrors(rules);
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
  }

  private static Map<String, Object> answer(String countName, OwnershipMoves.Outcome outcome) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put(countName, outcome.moved());
    answer.put("refused", outcome.refused());
    return answer;
  }
}
