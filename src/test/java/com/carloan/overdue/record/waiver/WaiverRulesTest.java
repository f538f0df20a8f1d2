package com.carloan.overdue.record.waiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.record.waiver.WaiverRules.Authority;
import com.carloan.overdue.record.waiver.WaiverRules.Kind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Waiver amounts and approval authority (CONTRACT §5) without an engine: 10,000.00 originally due. */
class WaiverRulesTest {

  /** 10,000.00 originally due, 9,000.00 left to pay, 600.00 of penalty and 100.00 of fees left, 500.00 waived. */
  private static final WaiverRules.Standing CASE = new WaiverRules.Standing(new BigDecimal("10000.00"),
      new BigDecimal("9000.00"), new BigDecimal("600.00"), new BigDecimal("100.00"), new BigDecimal("500.00"));

  @Test
  void supervisorsApprovePenaltiesAndFeesUpToTwentyPercentOfTheOriginalAmountDue() {
    // 500 approved before: 1,500 more reaches 2,000, exactly 20 %
    assertThat(WaiverRules.authority(Kind.PENALTY, new BigDecimal("1500.00"), CASE)).isEqualTo(Authority.SUPERVISOR);
    assertThat(WaiverRules.authority(Kind.FEE, new BigDecimal("1500.01"), CASE)).isEqualTo(Authority.MANAGER);
    assertThat(WaiverRules.authority(Kind.INTEREST, new BigDecimal("1.00"), CASE)).isEqualTo(Authority.MANAGER);
    assertThat(WaiverRules.authority(Kind.PRINCIPAL, new BigDecimal("1.00"), CASE)).isEqualTo(Authority.MANAGER);
  }

  @Test
  void aWaiverAsksForNoMoreThanIsLeftOfWhatItWaives() {
    assertThat(WaiverRules.problems("PENALTY", new BigDecimal("600.00"), "x", CASE)).isEmpty();
    assertThat(WaiverRules.problems("PENALTY", new BigDecimal("600.01"), "x", CASE)).extracting(FieldError::message)
        .singleElement().asString().contains("left of the penalty, 600.00");
    assertThat(WaiverRules.problems("FEE", new BigDecimal("100.01"), "x", CASE)).hasSize(1);
    assertThat(WaiverRules.problems("PRINCIPAL", new BigDecimal("9000.01"), "x", CASE)).extracting(FieldError::message)
        .singleElement().asString().contains("left to pay, 9000.00");
    assertThat(WaiverRules.problems("GIFT", new BigDecimal("-1"), " ", CASE)).extracting(FieldError::field)
        .containsExactly("kind", "amount", "reason");
  }
}
