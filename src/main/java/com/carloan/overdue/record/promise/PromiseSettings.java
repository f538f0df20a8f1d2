package com.carloan.overdue.record.promise;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code collections.promises.*}: how long after the end of its date a promise to pay waits for the money
 * ({@code grace}, CONTRACT §5 {@code promiseGrace}) and how often fallen-due promises are decided
 * ({@code sweep-interval}).
 */
@ConfigurationProperties(prefix = "collections.promises")
public class PromiseSettings {

  private Duration grace = Duration.ofDays(1);
  private Duration sweepInterval = Duration.ofMinutes(5);

  public Duration getGrace() {
    return grace;
  }

  public void setGrace(Duration grace) {
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("collections.promises.grace must be zero or more");
    }
    this.grace = grace;
  }

  public Duration getSweepInterval() {
    return sweepInterval;
  }

  public void setSweepInterval(Duration sweepInterval) {
    this.sweepInterval = sweepInterval;
  }
}
