package com.carloan.overdue.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The right-party contact ratio, the one rate among the Prometheus figures, before and after a case was asked. */
class MetricsSnapshotTest {

  @Test
  void theRightPartyContactRateIsNotANumberWhileNoCaseWasAskedAndScrapesAsSuch() {
    MetricsSnapshot none = weCom(0, 0);

    assertThat(none.rightPartyContactRate()).isNaN();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gauge.builder("collections.wecom.right.party.contact.ratio", none, MetricsSnapshot::rightPartyContactRate)
        .register(registry);
    assertThat(registry.scrape()).contains("collections_wecom_right_party_contact_ratio NaN");
  }

  @Test
  void theRightPartyContactRateIsAddsPerCaseAsked() {
    assertThat(weCom(4, 1).rightPartyContactRate()).isEqualTo(0.25);
    assertThat(weCom(4, 0).rightPartyContactRate()).isZero();
  }

  private static MetricsSnapshot weCom(long casesAsked, long adds) {
    return new MetricsSnapshot(Map.of(), Map.of(), Map.of(), Map.of(), 0, BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, 0, 0, 0, casesAsked, casesAsked, adds, Map.of(), Map.of(), Map.of(),
        new EngineFigures.Jobs(0, 0, 0, 0), List.of(), Map.of());
  }
}
