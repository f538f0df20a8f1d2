package com.carloan.overdue.modelchange;

import static com.carloan.overdue.process.CaseVariables.AMOUNT_DUE;
import static com.carloan.overdue.process.CaseVariables.DAYS_PAST_DUE;
import static com.carloan.overdue.process.CaseVariables.LOAN_ID;
import static com.carloan.overdue.process.CaseVariables.OUTSTANDING_PRINCIPAL;
import static com.carloan.overdue.process.CaseVariables.OVERDUE_AMOUNT;
import static com.carloan.overdue.process.CaseVariables.PRIOR_OVERDUE_COUNT;
import static com.carloan.overdue.process.CaseVariables.STRATEGY;
import static com.carloan.overdue.process.CaseVariables.VEHICLE_STATUS;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.process.DetachedDecisions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a changed {@code overdueStrategy} would do (CONTRACT §6), before it is deployed: the uploaded table,
 * parsed by Camunda's DMN engine, is evaluated against the intake data of the cases opened in the last days (the
 * {@code loan_case} rows, at most {@value #MAX_CASES}), and each case's new strategy is compared with the one its
 * assessment gave (the engine's decision history; the deployed table's answer where history has none). Nothing is
 * deployed, started or written: the DMN engine here is a standalone one, configured like the process engine's
 * (the same FEEL behaviour), so evaluating leaves no history and no metrics.
 */
@Component
class DecisionPreview {

  static final String DECISION_KEY = "overdueStrategy";
  static final int MAX_CASES = 10_000;
  /** Decision history read per page: its inputs and outputs come with it. */
  private static final int PAGE = 2_000;
  /** The strategy of a case for which no rule of the table matches. */
  static final String NO_MATCH = "NONE";

  record Transition(String from, String to, int cases) {}

  record Result(int evaluated, int changed, List<Transition> transitions) {}

  private record StoredCase(String processInstanceId, Instant openedAt, Map<String, Object> inputs) {}

  private final DetachedDecisions decisions;
  private final DmnEngine dmn;
  private final HistoryService history;
  private final JdbcTemplate jdbc;
  private final BusinessClock clock;

  DecisionPreview(DetachedDecisions decisions, HistoryService history, JdbcTemplate jdbc, BusinessClock clock) {
    this.decisions = decisions;
    this.dmn = decisions.engine();
    this.history = history;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** @throws RequestRejected 400 when the DMN does not parse, has no {@value #DECISION_KEY} table or cannot be evaluated */
  Result preview(byte[] dmnXml, int days) {
    DmnDecision changed = strategyTable(parse(new ByteArrayInputStream(dmnXml)), "body");
    Instant since = clock.now().minus(Duration.ofDays(days));
    List<StoredCase> cases = casesOpenedSince(since);
    // a case is assessed after it was opened: the history of the oldest case read on is all that is needed
    Map<String, String> assessed = cases.isEmpty() ? Map.of() : assessedSince(cases.get(cases.size() - 1).openedAt());
    DmnDecision deployed = null;
    Map<List<String>, Integer> counts = new LinkedHashMap<>();
    for (StoredCase c : cases) {
      String before = assessed.get(c.processInstanceId());
      if (before == null) {
        deployed = deployed == null ? deployedTable() : deployed;
        before = strategy(deployed, c, "the deployed " + DECISION_KEY);
      }
      String after = strategy(changed, c, "body");
      counts.merge(List.of(before, after), 1, Integer::sum);
    }
    List<Transition> transitions = counts.entrySet().stream()
        .filter(e -> !e.getKey().get(0).equals(e.getKey().get(1)))
        .map(e -> new Transition(e.getKey().get(0), e.getKey().get(1), e.getValue()))
        .sorted(Comparator.comparingInt(Transition::cases).reversed()
            .thenComparing(Transition::from).thenComparing(Transition::to))
        .toList();
    return new Result(cases.size(), transitions.stream().mapToInt(Transition::cases).sum(), transitions);
  }

  private List<DmnDecision> parse(InputStream xml) {
    try {
      return dmn.parseDecisions(xml);
    } catch (DmnEngineException | ModelException e) {
      throw RequestRejected.invalid(List.of(new FieldError("body", "is not a valid DMN: " + reason(e))));
    }
  }

  private static DmnDecision strategyTable(List<DmnDecision> decisions, String field) {
    DmnDecision decision = decisions.stream().filter(d -> DECISION_KEY.equals(d.getKey())).findFirst()
        .orElseThrow(() -> RequestRejected.invalid(List.of(new FieldError(field, "has no decision " + DECISION_KEY))));
    if (!decision.isDecisionTable()) {
      throw RequestRejected.invalid(List.of(new FieldError(field, "decision " + DECISION_KEY + " must be a decision table")));
    }
    return decision;
  }

  private DmnDecision deployedTable() {
    return strategyTable(decisions.latestDeployed(DECISION_KEY), "deployed");
  }


  /**
   * @throws RequestRejected 400 naming the loan when the table fails on a stored case: an unknown variable, a type,
   *     an entry FEEL cannot read (the DMN engine reports those only when it evaluates them)
   */
  private String strategy(DmnDecision table, StoredCase c, String field) {
    DmnDecisionTableResult result;
    try {
      result = dmn.evaluateDecisionTable(table, c.inputs());
    } catch (RuntimeException e) {
      throw RequestRejected.invalid(List.of(new FieldError(field, "cannot be evaluated for loan "
          + c.inputs().get(LOAN_ID) + ": " + reason(e))));
    }
    DmnDecisionRuleResult first = result.getFirstResult();
    Object value = first == null ? null : first.get(STRATEGY);
    if (first != null && !first.containsKey(STRATEGY)) {
      throw RequestRejected.invalid(List.of(new FieldError(field, "decision " + DECISION_KEY
          + " must have an output named " + STRATEGY)));
    }
    return value == null ? NO_MATCH : value.toString();
  }

  /** The case data the process hands the decision at assessment, as stored at intake; newest first. */
  private List<StoredCase> casesOpenedSince(Instant since) {
    return jdbc.query("select loan_id, process_instance_id, vehicle_status, overdue_amount, outstanding_principal, "
        + "days_past_due, prior_overdue_count, penalty_amount, fee_amount, opened_at from loan_case "
        + "where opened_at >= ? and process_instance_id is not null order by opened_at desc, id desc limit " + MAX_CASES,
        (rs, n) -> {
          BigDecimal overdue = rs.getBigDecimal("overdue_amount");
          BigDecimal principal = rs.getBigDecimal("outstanding_principal");
          VariableMap inputs = Variables.createVariables()
              .putValue(LOAN_ID, rs.getString("loan_id"))
              .putValue(VEHICLE_STATUS, rs.getString("vehicle_status"))
              .putValue(OVERDUE_AMOUNT, overdue.doubleValue())
              .putValue(OUTSTANDING_PRINCIPAL, principal == null ? null : principal.doubleValue())
              .putValue(DAYS_PAST_DUE, rs.getInt("days_past_due"))
              .putValue(PRIOR_OVERDUE_COUNT, rs.getInt("prior_overdue_count"))
              .putValue(AMOUNT_DUE, overdue.add(rs.getBigDecimal("penalty_amount")).add(rs.getBigDecimal("fee_amount"))
                  .doubleValue());
          return new StoredCase(rs.getString("process_instance_id"), rs.getTimestamp("opened_at").toInstant(), inputs);
        }, Timestamp.from(since));
  }

  /** The strategy each case's assessment gave, by process instance (the latest, were there several). */
  private Map<String, String> assessedSince(Instant since) {
    Map<String, String> strategies = new HashMap<>();
    for (int first = 0; ; first += PAGE) {
      List<HistoricDecisionInstance> page = history.createHistoricDecisionInstanceQuery()
          .decisionDefinitionKey(DECISION_KEY).evaluatedAfter(Date.from(since)).includeOutputs()
          .orderByEvaluationTime().asc().listPage(first, PAGE);
      for (HistoricDecisionInstance d : page) {
        if (d.getProcessInstanceId() == null) {
          continue;
        }
        d.getOutputs().stream().filter(o -> STRATEGY.equals(o.getVariableName()))
            .map(HistoricDecisionOutputInstance::getValue).filter(Objects::nonNull).findFirst()
            .ifPresent(v -> strategies.put(d.getProcessInstanceId(), v.toString()));
      }
      if (page.size() < PAGE) {
        return strategies;
      }
    }
  }

  private static String reason(Exception e) {
    Throwable deepest = e;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (deepest != e && deepest.getMessage() != null && !message.contains(deepest.getMessage())) {
      message += " (" + deepest.getMessage() + ")";
    }
    return message;
  }
}
