package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskInputRulesTest {

  private static java.util.List<String> problems(String task, Map<String, Object> values) {
    return TaskInputRules.problems(task, new HashMap<>(values)::get);
  }

  @Test
  void everyEnumOfTheContractIsAcceptedAndNothingElse() {
    assertThat(problems("reviewEscalation", Map.of("escalationAction", "WRITE_OFF"))).isEmpty();
    assertThat(problems("reviewEscalation", Map.of("escalationAction", "write_off"))).hasSize(1);
    assertThat(problems("reviewAssessment", Map.of("strategy", "MANUAL_REVIEW")))
        .containsExactly("strategy must be one of ESCALATE, REMINDER, WECHAT_CONTACT");
    assertThat(problems("repossessVehicle", Map.of("repossessionResult", "NOT_FOUND", "recoveredAmount", 0))).isEmpty();
  }

  @Test
  void missingDecisionsAndWrongTypesAreAllReported() {
    assertThat(problems("verifyBorrower", Map.of("identityVerified", "true", "overdueReason", "LAZY")))
        .containsExactly("identityVerified must be true or false",
            "overdueReason must be one of ECONOMIC_HARDSHIP, OPERATIONAL_SLIP, OTHER, WILLFUL_DEFAULT",
            "willingToRepay must be true or false");
  }

  @Test
  void amountsMustBeZeroOrMoreAndNotesShortPlainText() {
    assertThat(problems("handleLitigation", Map.of("litigationResult", "UNRECOVERABLE", "recoveredAmount", -1.0)))
        .containsExactly("recoveredAmount must be an amount of 0 or more");
    assertThat(problems("handleLitigation", Map.of("litigationResult", "UNRECOVERABLE", "recoveredAmount", 12.5,
        "litigationNotes", "判决 ${7*7}"))).containsExactly("litigationNotes must not contain expression syntax such as ${ or #{");
    assertThat(problems("callBorrower", Map.of("contactResult", "REFUSED", "callNotes", "x".repeat(2001))))
        .containsExactly("callNotes must be at most 2000 characters");
  }

  @Test
  void aTaskForgetsOnlyItsOwnDecisionsWhenItOpensAgain() {
    assertThat(TaskInputRules.decisions("callBorrower")).containsExactly("callNotes", "contactResult");
    assertThat(TaskInputRules.decisions("negotiatePlan")).containsExactly("negotiationOutcome");
    assertThat(TaskInputRules.decisions("reviewAssessment")).as("keeps the assessment's MANUAL_REVIEW").isEmpty();
    assertThat(TaskInputRules.decisions("unknownTask")).isEmpty();
  }
}
