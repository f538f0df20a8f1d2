package com.carloan.overdue.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The age bands (账龄段, CONTRACT §4) and when a case crosses into the next one. */
class BucketTest {

  private static final LocalDate TUESDAY = LocalDate.parse("2026-12-01");

  @ParameterizedTest(name = "{0} days past due → {1}")
  @CsvSource({"1, M1", "30, M1", "31, M2", "60, M2", "61, M3", "90, M3", "91, M3PLUS", "3650, M3PLUS"})
  void daysPastDueGiveTheBucket(int daysPastDue, Bucket bucket) {
    assertThat(Bucket.of(daysPastDue)).isEqualTo(bucket);
  }

  @Test
  void daysPastDueGrowByOneEachCalendarDayWhileTheCaseIsOpen() {
    assertThat(Bucket.daysPastDue(25, TUESDAY, TUESDAY)).isEqualTo(25);
    assertThat(Bucket.daysPastDue(25, TUESDAY, TUESDAY.plusDays(1))).isEqualTo(26);
    assertThat(Bucket.daysPastDue(25, TUESDAY, TUESDAY.plusDays(6))).isEqualTo(31);
    // across a month and a year end: calendar days, not 30-day months
    assertThat(Bucket.daysPastDue(25, TUESDAY, LocalDate.parse("2027-01-01"))).isEqualTo(56);
  }

  @Test
  void theNextMoveIsTheDayTheFirstDayOfTheNextBucketIsReached() {
    assertThat(Bucket.nextMoveDate(25, TUESDAY)).hasValue(LocalDate.parse("2026-12-07"));
    assertThat(Bucket.nextMoveDate(30, TUESDAY)).hasValue(TUESDAY.plusDays(1));
    assertThat(Bucket.nextMoveDate(31, TUESDAY)).hasValue(TUESDAY.plusDays(30));
    assertThat(Bucket.nextMoveDate(90, TUESDAY)).hasValue(TUESDAY.plusDays(1));
    assertThat(Bucket.nextMoveDate(91, TUESDAY)).isEmpty();
  }

  @Test
  void theMoveHappensAtMidnightInShanghaiNotInUtc() {
    Instant move = Allocation.nextBucketAt(25, TUESDAY);

    assertThat(move).isEqualTo(ZonedDateTime.parse("2026-12-07T00:00:00+08:00[Asia/Shanghai]").toInstant());
    assertThat(move).isEqualTo(Instant.parse("2026-12-06T16:00:00Z"));
    assertThat(Allocation.nextBucketAt(95, TUESDAY)).isNull();
  }

  @Test
  void eachBucketFollowsTheOneBefore() {
    assertThat(Bucket.M1.next()).hasValue(Bucket.M2);
    assertThat(Bucket.M2.next()).hasValue(Bucket.M3);
    assertThat(Bucket.M3.next()).hasValue(Bucket.M3PLUS);
    assertThat(Bucket.M3PLUS.next()).isEmpty();
  }
}
