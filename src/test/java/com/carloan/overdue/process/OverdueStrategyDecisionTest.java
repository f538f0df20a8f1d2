package com.carloan.overdue.process;

import static com.carloan.overdue.process.CaseVariables.DAYS_PAST_DUE;
import static com.carloan.overdue.process.CaseVariables.OVERDUE_AMOUNT;
import static com.carloan.overdue.process.CaseVariables.PRIOR_OVERDUE_COUNT;
import static com.carloan.overdue.process.CaseVariables.RISK_LEVEL;
import static com.carloan.overdue.process.CaseVariables.STRATEGY;
import static com.carloan.overdue.process.CaseVariables.VEHICLE_STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default rules of the internal assessment (CONTRACT §1), evaluated on the file process owners
 * edit, without a process engine: every rule, the boundaries of its thresholds, and which rule wins
 * when several match.
 */
class OverdueStrategyDecisionTest {

  private static final Path DMN_FILE = Paths.get("processes/overdue-strategy.dmn");
  private static final String DECISION_KEY = "overdueStrategy";

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    // As the application runs it (application.yaml: dmnFeelEnableLegacyBehavior).
    var configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmnEngine = configuration.enableFeelLegacyBehavior(true).buildEngine();
    try (InputStream dmn = Files.newInputStream(DMN_FILE)) {
      decision = dmnEngine.parseDecision(DECISION_KEY, dmn);
    }
  }

  @ParameterizedTest(name = "{0}: {1} days, amount {2}, {3} prior, {4} → {5} {6}")
  @CsvSource(
      textBlock =
          """
          # rule 1: vehicle at risk, whatever else
          gps offline,                  3,   1000.00, 0, GPS_OFFLINE, HIGH,   ESCALATE
          missing,                      3,   1000.00, 0, MISSING,     HIGH,   ESCALATE
          gps offline beats amount,     5, 150000.00, 0, GPS_OFFLINE, HIGH,   ESCALATE
          missing beats prior count,   20,   1000.00, 5, MISSING,     HIGH,   ESCALATE
          # rule 2: more than 90 days
          91 days,                     91,   1000.00, 0, NORMAL,      HIGH,   ESCALATE
          90 days is not long overdue, 90,   1000.00, 1, NORMAL,      MEDIUM, WECHAT_CONTACT
          95 days beats amount,        95, 200000.00, 0, NORMAL,      HIGH,   ESCALATE
          95 days beats prior count,   95,   1000.00, 4, NORMAL,      HIGH,   ESCALATE
          # rule 3: amount of 100000 or more
          amount 100000,               30, 100000.00, 1, NORMAL,      HIGH,   MANUAL_REVIEW
          amount 99999.99,             30,  99999.99, 1, NORMAL,      MEDIUM, WECHAT_CONTACT
          amount beats reminder,        5, 150000.00, 0, NORMAL,      HIGH,   MANUAL_REVIEW
          amount at 90 days,           90, 100000.00, 0, NORMAL,      HIGH,   MANUAL_REVIEW
          # rule 4: three or more prior overdue episodes
          3 prior,                     30,   1000.00, 3, NORMAL,      HIGH,   MANUAL_REVIEW
          2 prior,                     30,   1000.00, 2, NORMAL,      MEDIUM, WECHAT_CONTACT
          3 prior with few days,        2,   1000.00, 3, NORMAL,      HIGH,   MANUAL_REVIEW
          # rule 5: short first slip
          7 days no prior,              7,   1000.00, 0, NORMAL,      LOW,    REMINDER
          1 day no prior,               1,  99999.99, 0, NORMAL,      LOW,    REMINDER
          8 days no prior,              8,   1000.00, 0, NORMAL,      MEDIUM, WECHAT_CONTACT
          7 days 1 prior,               7,   1000.00, 1, NORMAL,      MEDIUM, WECHAT_CONTACT
          # rule 6: otherwise
          ordinary case,               15,   8500.00, 1, NORMAL,      MEDIUM, WECHAT_CONTACT
          """)
  void firstMatchingRuleDecides(
      String description,
      int daysPastDue,
      double overdueAmount,
      int priorOverdueCount,
      String vehicleStatus,
      String expectedRiskLevel,
      String expectedStrategy) {
    VariableMap variables =
        Variables.createVariables()
            .putValue(DAYS_PAST_DUE, daysPastDue)
            .putValue(OVERDUE_AMOUNT, overdueAmount)
            .putValue(PRIOR_OVERDUE_COUNT, priorOverdueCount)
            .putValue(VEHICLE_STATUS, vehicleStatus);

    assertThat(evaluate(variables))
        .containsOnly(entry(RISK_LEVEL, expectedRiskLevel), entry(STRATEGY, expectedStrategy));
  }

  /** Tasklist and the REST API may send a whole amount untyped; it must still hit the threshold. */
  @Test
  void wholeAmountSentAsIntegerStillMatchesThreshold() {
    VariableMap variables =
        Variables.createVariables()
            .putValue(DAYS_PAST_DUE, 30)
            .putValue(OVERDUE_AMOUNT, 100000)
            .putValue(PRIOR_OVERDUE_COUNT, 0)
            .putValue(VEHICLE_STATUS, "NORMAL");

    assertThat(evaluate(variables)).containsEntry(STRATEGY, "MANUAL_REVIEW");

    variables.putValue(OVERDUE_AMOUNT, 99999);
    assertThat(evaluate(variables)).containsEntry(STRATEGY, "WECHAT_CONTACT");
  }

  /** JSON numbers may arrive as Long; the integer inputs must accept them. */
  @Test
  void countsSentAsLongStillMatch() {
    VariableMap variables =
        Variables.createVariables()
            .putValue(DAYS_PAST_DUE, 7L)
            .putValue(OVERDUE_AMOUNT, 1000.00)
            .putValue(PRIOR_OVERDUE_COUNT, 0L)
            .putValue(VEHICLE_STATUS, "NORMAL");

    assertThat(evaluate(variables)).containsEntry(STRATEGY, "REMINDER");
  }

  @Test
  void decisionHasHistoryTimeToLive() {
    DmnModelInstance model = Dmn.readModelFromFile(DMN_FILE.toFile());
    Decision modelDecision = model.getModelElementById(DECISION_KEY);

    assertThat(modelDecision).isNotNull();
    assertThat(modelDecision.getCamundaHistoryTimeToLive()).isEqualTo(1825);
  }

  private static Map<String, Object> evaluate(VariableMap variables) {
    DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, variables);
    return result.getSingleResult().getEntryMap();
  }
}
