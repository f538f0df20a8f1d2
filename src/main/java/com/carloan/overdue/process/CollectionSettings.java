package com.carloan.overdue.process;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Thresholds and durations from {@code collections.*} in application.yaml. */
@Validated
@ConfigurationProperties("collections")
public record CollectionSettings(
    @Valid @NotNull Timers timers,
    @Min(1) int maxContactAttempts,
    @Valid @NotNull ContactPolicySettings contactPolicy,
    @Valid @NotNull Approval approval,
    @Valid @NotNull Outbox outbox,
    boolean demoUsers,
    @NotNull String processesLocation) {

  /** ISO-8601 durations handed to each case as process variables at start. */
  public record Timers(
      @NotNull String reminderWait,
      @NotNull String contactWait,
      @NotNull String negotiationTimeout,
      @NotNull String installmentGrace) {

    public Timers {
      for (String d : new String[] {reminderWait, contactWait, negotiationTimeout, installmentGrace}) {
        if (d != null) {
          parse(d);
        }
      }
    }

    /** Accepts both date-based (P3D) and time-based (PT2H) ISO durations, as Camunda timers do. */
    public static Duration parse(String iso) {
      if (iso.contains("T")) {
        return Duration.parse(iso);
      }
      Period p = Period.parse(iso);
      if (p.getYears() != 0 || p.getMonths() != 0) {
        throw new IllegalArgumentException("Use days or a time-based duration, not months or years: " + iso);
      }
      return Duration.ofDays(p.getDays());
    }
  }

  public record ContactPolicySettings(
      @NotNull String zone,
      @NotNull LocalTime windowStart,
      @NotNull LocalTime windowEnd,
      @Min(1) int maxAttemptsPerDay) {}

  public record Approval(
      @Min(1) int maxInstallmentsWithoutApproval,
      @Min(0) int maxDeferralDaysWithoutApproval) {}

  /**
   * The SMS outbox: how often it dispatches, how often a refused message is tried and how far apart,
   * and when a message a dead node left in SENDING goes back to the queue.
   */
  public record Outbox(
      @NotNull Duration dispatchInterval,
      @DefaultValue("10") @Min(1) int maxAttempts,
      @DefaultValue("PT5M") @NotNull Duration retryAfter,
      @DefaultValue("PT10M") @NotNull Duration stuckAfter) {}
}
