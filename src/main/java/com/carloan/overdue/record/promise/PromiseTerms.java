package com.carloan.overdue.record.promise;

import com.carloan.overdue.common.BusinessClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When a promise to pay (承诺还款, CONTRACT §5) is decided and how: it stays {@code OPEN} until the end of its
 * date plus the grace period, on Asia/Shanghai business days; then what was paid since it was made decides.
 */
public final class PromiseTerms {

  public enum Status { OPEN, KEPT, BROKEN }

  private PromiseTerms() {}

  /** The end of the promised day (the start of the next, Asia/Shanghai) plus the grace period. */
  public static Instant dueAt(LocalDate promisedFor, Duration grace) {
    return promisedFor.plusDays(1).atStartOfDay(BusinessClock.ZONE).toInstant().plus(grace);
  }

  /** @param paid the payments reported from the promise's making until it fell due */
  public static Status decide(BigDecimal promised, BigDecimal paid) {
    return paid.compareTo(promised) >= 0 ? Status.KEPT : Status.BROKEN;
  }
}
