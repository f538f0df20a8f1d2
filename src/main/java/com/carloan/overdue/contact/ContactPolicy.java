package com.carloan.overdue.contact;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a borrower may be contacted: never between {@code windowEnd} (21:00) and {@code windowStart}
 * (08:00) business time, and at most {@code maxAttemptsPerDay} outbound attempts a business day, all
 * channels together. Pure rules; {@link ContactScheduler} applies them to the recorded attempts.
 */
public final class ContactPolicy {

  private final ZoneId zone;
  private final LocalTime windowStart;
  private final LocalTime windowEnd;
  private final int maxAttemptsPerDay;

  public ContactPolicy(ZoneId zone, LocalTime windowStart, LocalTime windowEnd, int maxAttemptsPerDay) {
    if (!windowStart.isBefore(windowEnd)) {
      throw new IllegalArgumentException("The contact window must open before it closes");
    }
    if (maxAttemptsPerDay < 1) {
      throw new IllegalArgumentException("At least one attempt a day must be allowed");
    }
    this.zone = zone;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.maxAttemptsPerDay = maxAttemptsPerDay;
  }

  /** The earliest moment at or after {@code at} that lies inside the contact window. */
  public ZonedDateTime earliestContact(Instant at) {
    ZonedDateTime t = at.atZone(zone);
    LocalTime time = t.toLocalTime();
    if (time.isBefore(windowStart)) {
      return t.with(windowStart);
    }
    if (!time.isBefore(windowEnd)) {
      return t.toLocalDate().plusDays(1).atTime(windowStart).atZone(zone);
    }
    return t;
  }

  /** The window's opening on the day after {@code t}: where an attempt goes when {@code t}'s day is full. */
  public ZonedDateTime nextDayOpening(ZonedDateTime t) {
    return t.withZoneSameInstant(zone).toLocalDate().plusDays(1).atTime(windowStart).atZone(zone);
  }

  public boolean isQuietTime(Instant at) {
    return !earliestContact(at).toInstant().equals(at);
  }

  public int maxAttemptsPerDay() {
    return maxAttemptsPerDay;
  }

  public ZoneId zone() {
    return zone;
  }
}
