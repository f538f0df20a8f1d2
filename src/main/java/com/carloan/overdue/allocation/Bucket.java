package com.carloan.overdue.allocation;

import java.time.LocalDate;
import java.util.Optional;

/** The age bands of an overdue case (账龄段, CONTRACT §4), by days past due. */
public enum Bucket {
  M1(1, 30), M2(31, 60), M3(61, 90), M3PLUS(91, Integer.MAX_VALUE);

  private final int fromDay;
  private final int toDay;

  Bucket(int fromDay, int toDay) {
    this.fromDay = fromDay;
    this.toDay = toDay;
  }

  public static Bucket of(int daysPastDue) {
    for (Bucket bucket : values()) {
      if (daysPastDue <= bucket.toDay) {
        return bucket;
      }
    }
    return M3PLUS;
  }

  /** The first day past due of this bucket. */
  int fromDayOf() {
    return fromDay;
  }

  /** The bucket after this one, none after M3PLUS. */
  public Optional<Bucket> next() {
    return this == M3PLUS ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
  }

  /**
   * Days past due grow by one each business day while the case is open: {@code atOpening} on the day it
   * was opened, one more each day after.
   */
  static int daysPastDue(int atOpening, LocalDate openedOn, LocalDate today) {
    return atOpening + (int) Math.max(0, today.toEpochDay() - openedOn.toEpochDay());
  }

  /** The business day on which a case of {@code daysPastDue} today enters the next bucket; none in M3PLUS. */
  static Optional<LocalDate> nextMoveDate(int daysPastDue, LocalDate today) {
    Bucket current = of(daysPastDue);
    return current.next().map(next -> today.plusDays(next.fromDay - (long) daysPastDue));
  }
}
