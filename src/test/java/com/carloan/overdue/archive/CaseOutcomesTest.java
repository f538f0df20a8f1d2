package com.carloan.overdue.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code caseOutcome} a case ends with (CONTRACT §1.9). */
class CaseOutcomesTest {

  private static final BigDecimal DUE = new BigDecimal("8500.00");

  @ParameterizedTest(name = "paid in full, escalation action {0}")
  @NullSource
  @ValueSource(strings = {"LEGAL_ACTION", "VEHICLE_REPOSSESSION", "WRITE_OFF", "RETURN_TO_NEGOTIATION"})
  void settledWinsOverAnyEscalation(String action) {
    assertThat(CaseOutcomes.decide(DUE, new BigDecimal("8500.00"), action)).isEqualTo("SETTLED");
  }

  @Test
  void paidInFullIsSettledWhateverTheScaleOrAnOverpayment() {
    assertThat(CaseOutcomes.decide(DUE, new BigDecimal("8500"), "LEGAL_ACTION")).isEqualTo("SETTLED");
    assertThat(CaseOutcomes.decide(DUE, new BigDecimal("9000.00"), "WRITE_OFF")).isEqualTo("SETTLED");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "LEGAL_ACTION, LEGAL_CLOSED",
      "VEHICLE_REPOSSESSION, VEHICLE_DISPOSED",
      "WRITE_OFF, WRITTEN_OFF"})
  void anUnpaidCaseEndsAsItsEscalationActionDecided(String action, String outcome) {
    assertThat(CaseOutcomes.decide(DUE, new BigDecimal("8499.99"), action)).isEqualTo(outcome);
    assertThat(CaseOutcomes.decide(DUE, BigDecimal.ZERO, action)).isEqualTo(outcome);
  }

  @Test
  void anUnpaidCaseWithoutAnEscalationDecisionCannotBeClosed() {
    assertThatThrownBy(() -> CaseOutcomes.decide(DUE, new BigDecimal("8499.99"), null))
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RETURN_TO_NEGOTIATION", "legal_action", ""})
  void anUnpaidCaseAfterAnActionThatDoesNotEndItCannotBeClosed(String action) {
    assertThatThrownBy(() -> CaseOutcomes.decide(DUE, BigDecimal.ZERO, action))
        .isInstanceOf(IllegalStateException.class);
  }
}
