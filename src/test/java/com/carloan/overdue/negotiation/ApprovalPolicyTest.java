package com.carloan.overdue.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Four eyes (CONTRACT §1.5): more than 6 installments or more than 30 deferral days needs {@code approvePlan}. */
class ApprovalPolicyTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  private final ApprovalPolicy policy = new ApprovalPolicy(6, 30);

  @ParameterizedTest(name = "{0} installments → approval {1}")
  @CsvSource({"1, false", "6, false", "7, true", "24, true"})
  void installmentPlansLongerThanSixNeedApproval(int count, boolean needed) {
    PlanTerms terms = PlanTerms.parse("INSTALLMENTS", count, null, "2026-04-01", TODAY);

    assertThat(policy.needsApproval(terms)).isEqualTo(needed);
  }

  @ParameterizedTest(name = "{0} deferral days → approval {1}")
  @CsvSource({"0, false", "30, false", "31, true", "90, true"})
  void deferralsLongerThanThirtyDaysNeedApproval(int days, boolean needed) {
    PlanTerms terms = PlanTerms.parse("DEFERRAL", null, days, "2026-04-01", TODAY);

    assertThat(policy.needsApproval(terms)).isEqualTo(needed);
  }

  @Test
  void fullPaymentNeverNeedsApproval() {
    // whatever the agent left in the other fields of the form
    assertThat(policy.needsApproval(PlanTerms.parse("FULL_PAYMENT", 24, 90, "2026-04-01", TODAY))).isFalse();
  }

  @Test
  void thresholdsComeFromConfiguration() {
    PlanTerms twelveMonths = new PlanTerms(PlanType.INSTALLMENTS, 12, 0, TODAY);
    PlanTerms sixtyDays = new PlanTerms(PlanType.DEFERRAL, 1, 60, TODAY);

    assertThat(new ApprovalPolicy(12, 60).needsApproval(twelveMonths)).isFalse();
    assertThat(new ApprovalPolicy(12, 60).needsApproval(sixtyDays)).isFalse();
    assertThat(new ApprovalPolicy(11, 60).needsApproval(twelveMonths)).isTrue();
    assertThat(new ApprovalPolicy(12, 59).needsApproval(sixtyDays)).isTrue();
  }
}
