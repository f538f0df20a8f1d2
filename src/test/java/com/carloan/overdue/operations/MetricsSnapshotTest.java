package com.carloan.overdue.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Prometheus ratios: right-party contact before and after a case was asked, and a team's promise-to-pay kept rate. */
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

  @Test
  void aTeamsPromiseToPayKeptRateIsNotANumberWhileNoneOfItsPromisesWasDecided() {
    MetricsSnapshot s = teams(List.of(team("team-m1", 3, 1), team("team-m2", 0, 0)));

    assertThat(s.promiseToPayKeptRate("team-m1")).isEqualTo(0.75);
    assertThat(s.promiseToPayKeptRate("team-m2")).isNaN();
    assertThat(s.promiseToPayKeptRate("team-m3")).as("no row at all").isNaN();
  }

  private static DashboardData.Team team(String team, long kept, long broken) {
    return new DashboardData.Team(team, team, team, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        new DashboardData.PromiseOutcomes(kept, broken, Dashboard.rate(kept, kept + broken)), List.of());
  }

  private static MetricsSnapshot teams(List<DashboardData.Team> teams) {
    return new MetricsSnapshot(Map.of(), Map.of(), Map.of(), Map.of(), 0, BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(),
        new EngineFigures.Jobs(0, 0, 0, 0), teams, Map.of(), Map.of(), 0, 0);
  }

  private static MetricsSnapshot weCom(long casesAsked, long adds) {
    return new MetricsSnapshot(Map.of(), Map.of(), Map.of(), Map.of(), 0, BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, casesAsked, casesAsked, adds, Map.of(), Map.of(), Map.of(),
        new EngineFigures.Jobs(0, 0, 0, 0), List.of(), Map.of(), Map.of(), 0, 0);
  }
}
