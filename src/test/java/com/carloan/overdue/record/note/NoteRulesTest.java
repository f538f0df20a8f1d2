package com.carloan.overdue.record.note;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The collection note's rules (CONTRACT §5) without an engine: on Tuesday 1 December, 5,000.00 left to pay. */
class NoteRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
  private static final BigDecimal LEFT = new BigDecimal("5000.00");

  private static List<String> fields(NoteRules.Draft d) {
    return NoteRules.problems(d, TODAY, NOW, LEFT).stream().map(FieldError::field).toList();
  }

  private static NoteRules.Draft promise(String amount, LocalDate date) {
    return new NoteRules.Draft("PHONE", "BORROWER", "ANSWERED", "PROMISE_TO_PAY", null,
        amount == null ? null : new BigDecimal(amount), date, true, null);
  }

  @Test
  void aPromiseIsRequiredWithPromiseToPayAndRefusedOtherwise() {
    assertThat(fields(new NoteRules.Draft("PHONE", "BORROWER", "ANSWERED", "PROMISE_TO_PAY", null, null, null, false,
        null))).containsExactly("promise");
    assertThat(fields(new NoteRules.Draft("SMS", "BORROWER", null, "DISPUTE", null, BigDecimal.TEN, TODAY, true, null)))
        .containsExactly("promise");
    assertThat(fields(promise("100.00", TODAY))).isEmpty();
  }

  @Test
  void thePromiseFallsInTheNextThirtyDaysAndAsksForNoMoreThanIsLeft() {
    assertThat(fields(promise("5000.00", TODAY.plusDays(30)))).isEmpty();
    assertThat(fields(promise("5000.01", TODAY.plusDays(31)))).containsExactly("promise.amount", "promise.date");
    assertThat(fields(promise("0", TODAY.minusDays(1)))).containsExactly("promise.amount", "promise.date");
    assertThat(fields(promise("1.001", TODAY))).containsExactly("promise.amount");
  }

  @Test
  void whatThePhoneDidAndWhoWasReachedAgree() {
    assertThat(fields(new NoteRules.Draft("PHONE", "NOBODY", null, "UNREACHABLE", null, null, null, false, null)))
        .containsExactly("phoneStatus");
    assertThat(fields(new NoteRules.Draft("PHONE", "OTHER_PERSON", "BUSY", "UNREACHABLE", null, null, null, false, null)))
        .containsExactly("reached");
    assertThat(fields(new NoteRules.Draft("VISIT", "NOBODY", null, "HARDSHIP", null, null, null, false, null)))
        .containsExactly("feedback");
    assertThat(fields(new NoteRules.Draft("FAX", null, null, "MAYBE", "${x}", null, null, false, NOW.minusSeconds(1))))
        .containsExactly("channel", "reached", "feedback", "text", "nextFollowUp");
  }
}
