package com.carloan.overdue.allocation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code collections.allocation.*}: how many open cases an agent may own ({@code capacity}), how long a
 * case stays with its owner ({@code holding-period}, 留案), how often bucket moves and holding ends are
 * looked for ({@code sweep-interval}).
 */
@ConfigurationProperties(prefix = "collections.allocation")
public class AllocationSettings {

  private int capacity = 500;
  private Duration holdingPeriod = Duration.ofDays(30);
  private Duration sweepInterval = Duration.ofMinutes(5);

  public int getCapacity() {
    return capacity;
  }

  public void setCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("collections.allocation.capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
  }

  public Duration getHoldingPeriod() {
    return holdingPeriod;
  }

  public void setHoldingPeriod(Duration holdingPeriod) {
    if (holdingPeriod == null || holdingPeriod.isNegative() || holdingPeriod.isZero()) {
      throw new IllegalArgumentException("collections.allocation.holding-period must be positive");
    }
    this.holdingPeriod = holdingPeriod;
  }

  public Duration getSweepInterval() {
    return sweepInterval;
  }

  public void setSweepInterval(Duration sweepInterval) {
    this.sweepInterval = sweepInterval;
  }
}
