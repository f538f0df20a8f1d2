package com.carloan.overdue.operations;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collections.operations.*}: how long figures are cached and when a waiting task counts as a
 * deadline breach.
 *
 * @param metricsCache how long the Prometheus figures computed from the database are reused
 * @param dashboardCache how long the dashboard's figures are reused
 * @param rollRateCache how long the roll rates (bucket moves per month) are reused: they change slowly
 * @param window the dashboard's look-back for outcomes, promises, escalations and contact
 * @param taskDeadlines per task definition key: how long a task may wait in its queue, counted from
 *     its follow-up date (the first moment it may be worked) or else its creation, when it has no due
 *     date of its own; a task with a due date breaches when that passes
 */
@ConfigurationProperties("collections.operations")
public record OperationsSettings(
    @DefaultValue("PT30S") Duration metricsCache,
    @DefaultValue("PT30S") Duration dashboardCache,
    @DefaultValue("PT10M") Duration rollRateCache,
    @DefaultValue("P30D") Duration window,
    Map<String, Duration> taskDeadlines) {

  public OperationsSettings {
    taskDeadlines = taskDeadlines == null ? Map.of() : Map.copyOf(taskDeadlines);
  }
}
