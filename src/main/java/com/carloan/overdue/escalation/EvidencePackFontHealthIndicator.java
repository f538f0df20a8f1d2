package com.carloan.overdue.escalation;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code evidencePackFont} in {@code /actuator/health}: DEGRADED when the evidence pack's font cannot set
 * the pack's text, since every legal case would then stop at {@code compileEvidencePack} with an incident.
 * Not DOWN: reminders, calls, payments and settlement go on without it, and a load balancer that took
 * every node out for a font would stop all of collections (application.yaml answers DEGRADED with 200).
 */
@Component
class EvidencePackFontHealthIndicator implements HealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED", "Evidence packs cannot be compiled");

  private final EvidencePackFont font;

  EvidencePackFontHealthIndicator(EvidencePackFont font) {
    this.font = font;
  }

  @Override
  public Health health() {
    return font.problem()
        .map(problem -> Health.status(DEGRADED).withDetail("source", font.source()).withDetail("problem", problem))
        .orElseGet(() -> Health.up().withDetail("source", font.source()).withDetail("font", font.name().orElseThrow()))
        .build();
  }
}
