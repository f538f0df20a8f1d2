package com.carloan.overdue.operations;

import com.carloan.overdue.common.BusinessClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The dashboard's look-back ({@code collections.operations.window}): whole business days (Asia/Shanghai), today
 * included, so each bar of a chart is a full day. {@code [since, until)}, until = the start of tomorrow.
 */
record Window(LocalDate firstDay, LocalDate today, Instant since, Instant until) {

  static Window of(BusinessClock clock, Duration length) {
    LocalDate today = clock.today();
    LocalDate firstDay = today.minusDays(length.toDays() - 1);
    return new Window(firstDay, today, firstDay.atStartOfDay(BusinessClock.ZONE).toInstant(),
        today.plusDays(1).atStartOfDay(BusinessClock.ZONE).toInstant());
  }
}
