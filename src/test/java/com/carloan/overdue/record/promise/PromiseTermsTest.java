package com.carloan.overdue.record.promise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When a promise to pay falls due and how it is decided, on Asia/Shanghai business days. */
class PromiseTermsTest {

  @Test
  void aPromiseFallsDueAtTheEndOfItsShanghaiDayPlusTheGrace() {
    // the end of 5 December in Shanghai is 16:00 UTC that day; a day's grace makes it the 6th
    assertThat(PromiseTerms.dueAt(LocalDate.of(2026, 12, 5), Duration.ofDays(1)))
        .isEqualTo(Instant.parse("2026-12-06T16:00:00Z"));
    assertThat(PromiseTerms.dueAt(LocalDate.of(2026, 12, 5), Duration.ZERO))
        .isEqualTo(Instant.parse("2026-12-05T16:00:00Z"));
  }

  @Test
  void paidInFullKeepsItAnythingLessBreaksIt() {
    assertThat(PromiseTerms.decide(new BigDecimal("3000.00"), new BigDecimal("3000")))
        .isEqualTo(PromiseTerms.Status.KEPT);
    assertThat(PromiseTerms.decide(new BigDecimal("3000.00"), new BigDecimal("3500.00")))
        .isEqualTo(PromiseTerms.Status.KEPT);
    assertThat(PromiseTerms.decide(new BigDecimal("3000.00"), new BigDecimal("2999.99")))
        .isEqualTo(PromiseTerms.Status.BROKEN);
  }
}
