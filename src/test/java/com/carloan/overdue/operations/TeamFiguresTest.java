package com.carloan.overdue.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.allocation.OwnershipSweep;
import com.carloan.overdue.process.ProcessTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard's teams, agents and roll rates (迁徙率), and their Prometheus series, from cases driven
 * through the real intake, payments and ownership sweep. Its roll-rate test moves the clock years ahead and
 * sweeps, which would move every open case of a shared database through the buckets: so it has a database of
 * its own. Team figures still compare before with after; roll rates use months no other test's cases were in.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:team-figures;DB_CLOSE_DELAY=-1")
class TeamFiguresTest extends ProcessTestSupport {

  @Autowired Dashboard dashboard;
  @Autowired RollRates rollRates;
  @Autowired MetricsSnapshots snapshots;
  @Autowired MeterRegistry registry;
  @Autowired OwnershipSweep sweep;

  @Test
  void openCasesAndAmountsPerTeamAndAgentAndWhatTheAgentRecoveredThisMonth() {
    DashboardData before = dashboard.compute();
    MetricsSnapshot metricsBefore = snapshots.refresh();

    ProcessInstance m1 = openCase(15, "8500.00", 1, "NORMAL");
    ProcessInstance m2 = openCase(45, "6000.00", 1, "NORMAL");
    assertThat(team(m1)).isEqualTo("team-m1");
    assertThat(team(m2)).isEqualTo("team-m2");
    String agent = owner(m1);
    long agentOpenBefore = agent(before, "team-m1", agent).openCases();
    BigDecimal recoveredBefore = agent(before, "team-m1", agent).recoveredThisMonth();
    pay(m1, "1000.00");

    DashboardData after = dashboard.compute();
    DashboardData.Team t1 = team(after, "team-m1");
    DashboardData.Team t1Before = team(before, "team-m1");
    assertThat(t1.openCases()).isEqualTo(t1Before.openCases() + 1);
    assertThat(t1.amountDue()).isEqualByComparingTo(t1Before.amountDue().add(new BigDecimal("8500")));
    assertThat(t1.amountOutstanding()).isEqualByComparingTo(t1Before.amountOutstanding().add(new BigDecimal("7500")));
    assertThat(t1.pooled()).isEqualTo(t1Before.pooled());
    assertThat(team(after, "team-m2").openCases()).isEqualTo(team(before, "team-m2").openCases() + 1);
    assertThat(team(after, "team-m2").amountDue())
        .isEqualByComparingTo(team(before, "team-m2").amountDue().add(new BigDecimal("6000")));
    DashboardData.Agent a = agent(after, "team-m1", agent);
    assertThat(a.openCases()).isEqualTo(agentOpenBefore + 1);
    assertThat(a.recoveredThisMonth()).isEqualByComparingTo(recoveredBefore.add(new BigDecimal("1000")));
    assertThat(agent(after, "team-m2", owner(m2)).openCases()).isGreaterThanOrEqualTo(1);

    snapshots.refresh();
    assertThat(gauge("collections.cases.open.team", "team", "team-m1"))
        .isEqualTo(metricsBefore.team("team-m1").map(DashboardData.Team::openCases).orElse(0L) + 1);
    assertThat(gauge("collections.amount.outstanding.team", "team", "team-m1")).isEqualTo(
        metricsBefore.team("team-m1").map(t -> t.amountOutstanding().doubleValue()).orElse(0.0) + 7500);
    assertThat(gauge("collections.cases.open.agent", "team", "team-m1", "agent", agent)).isEqualTo(agentOpenBefore + 1);
    for (String team : List.of("team-m1", "team-m2", "team-m3")) {
      assertThat(registry.find("collections.cases.pooled.team").tag("team", team).gauge()).as(team).isNotNull();
    }
  }

  @Test
  void aBucketMoveCountsInItsMonthsRollRateAgainstTheCasesInTheBucketThatMonth() {
    double movesBefore = moves("M1", "M2");
    setClock(ZonedDateTime.parse("2031-05-28T10:00:00+08:00[Asia/Shanghai]"));
    ProcessInstance rolling = openCase(29, "8500.00", 1, "NORMAL");   // M1, day 31 on 30 May
    openCase(20, "8500.00", 1, "NORMAL");                             // M1 all month
    assertThat(team(rolling)).isEqualTo("team-m1");

    setClock(ZonedDateTime.parse("2031-05-30T10:00:00+08:00[Asia/Shanghai]"));
    sweep.run();

    assertThat(team(rolling)).isEqualTo("team-m2");
    List<DashboardData.RollRateMonth> months = rollRates.refresh();
    assertThat(months).extracting(DashboardData.RollRateMonth::month)
        .containsExactly("2030-12", "2031-01", "2031-02", "2031-03", "2031-04", "2031-05");
    DashboardData.Roll m1m2 = months.get(5).transitions().get(0);
    assertThat(m1m2.from() + m1m2.to()).isEqualTo("M1M2");
    assertThat(m1m2.moved()).isEqualTo(1);
    assertThat(m1m2.inFromBucket()).isEqualTo(2);
    assertThat(m1m2.rate()).isEqualTo(0.5);
    DashboardData.Roll m2m3 = months.get(5).transitions().get(1);
    assertThat(m2m3.inFromBucket()).isEqualTo(1);                   // the case that entered M2 on 30 May
    assertThat(m2m3.rate()).isEqualTo(0.0);
    snapshots.refresh();
    assertThat(moves("M1", "M2")).isGreaterThanOrEqualTo(movesBefore + 1);
    assertThat(registry.find("collections.cases.bucket.moves").tag("from", "M3").tag("to", "M3PLUS")
        .functionCounter()).isNotNull();
  }

  @Test
  void aMonthWithoutCasesInTheBucketHasNoRateNotZero() throws Exception {
    setClock(ZonedDateTime.parse("2020-06-15T10:00:00+08:00[Asia/Shanghai]"));

    List<DashboardData.RollRateMonth> months = rollRates.refresh();

    assertThat(months).hasSize(6);
    assertThat(months).allSatisfy(m -> assertThat(m.transitions()).hasSize(3)
        .allSatisfy(t -> assertThat(t.rate()).isNull()));
    assertThat(json.writeValueAsString(months.get(0))).contains("\"rate\":null");
  }

  private static DashboardData.Team team(DashboardData d, String team) {
    return d.teams().stream().filter(t -> t.team().equals(team)).findFirst().orElseThrow();
  }

  private static DashboardData.Agent agent(DashboardData d, String team, String agent) {
    return team(d, team).agents().stream().filter(a -> a.agent().equals(agent)).findFirst().orElseThrow();
  }

  private double gauge(String name, String... tags) {
    var g = registry.find(name).tags(tags).gauge();
    assertThat(g).as(name).isNotNull();
    return g.value();
  }

  private double moves(String from, String to) {
    var c = registry.find("collections.cases.bucket.moves").tag("from", from).tag("to", to).functionCounter();
    assertThat(c).isNotNull();
    return c.count();
  }
}
