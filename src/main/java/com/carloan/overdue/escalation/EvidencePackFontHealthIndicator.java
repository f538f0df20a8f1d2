package com.carloan.overdue.escalation;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code evidencePackFont} in {@code /actuator/health}: DOWN when the evidence pack's font cannot set the
 * pack's text, since every legal case would then stop at {@code compileEvidencePack} with an incident.
 */
@Component
class EvidencePackFontHealthIndicator implements HealthIndicator {

  private final EvidencePackFont font;

  EvidencePackFontHealthIndicator(EvidencePackFont font) {
    this.font = font;
  }

  @Override
  public Health health() {
    return font.problem()
        .map(problem -> Health.down().withDetail("source", font.source()).withDetail("problem", problem))
        .orElseGet(() -> Health.up().withDetail("source", font.source()).withDetail("font", font.name().orElseThrow()))
        .build();
  }
}
