package com.carloan.overdue.operations;

import com.carloan.overdue.allocation.CaseOwners;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.identity.CollectionGroups;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Open cases, amounts and pool per team, and under each team its agents with their open owned cases, what
 * they recovered this business month (Asia/Shanghai) and their promises to pay decided in the window. The three
 * teams of the contract always appear; a team a process owner's decision added appears once it holds an open case
 * or a decided promise. A team's agents are its members in {@code collection-agent}, whoever owns an open case of
 * it and whoever made a promise decided in the window on one of its cases (a supervisor too): so a team's promise
 * figures are the sum of its rows.
 */
@Component
class TeamLoads {

  private final TeamFigures figures;
  private final CaseOwners owners;
  private final BusinessClock clock;

  TeamLoads(TeamFigures figures, CaseOwners owners, BusinessClock clock) {
    this.figures = figures;
    this.owners = owners;
    this.clock = clock;
  }

  /** @param promises the promises to pay decided in the window ({@link RecordFigures#decidedPromises}) */
  List<DashboardData.Team> teams(List<RecordFigures.DecidedPromises> promises) {
    List<TeamFigures.OwnerLoad> loads = figures.openByOwner();
    LocalDate monthStart = clock.today().withDayOfMonth(1);
    Map<String, BigDecimal> recovered = figures.recoveredByCollector(
        monthStart.atStartOfDay(BusinessClock.ZONE).toInstant(),
        monthStart.plusMonths(1).atStartOfDay(BusinessClock.ZONE).toInstant());
    Set<String> teams = new LinkedHashSet<>(CollectionGroups.TEAMS);
    Set<String> more = new TreeSet<>();
    loads.stream().map(TeamFigures.OwnerLoad::team).forEach(more::add);
    promises.stream().map(RecordFigures.DecidedPromises::team).filter(t -> t != null).forEach(more::add);
    teams.addAll(more);
    List<DashboardData.Team> rows = new ArrayList<>();
    for (String team : teams) {
      rows.add(team(team, loads.stream().filter(l -> l.team().equals(team)).toList(), recovered,
          promises.stream().filter(p -> team.equals(p.team())).toList()));
    }
    return rows;
  }

  private DashboardData.Team team(String team, List<TeamFigures.OwnerLoad> loads, Map<String, BigDecimal> recovered,
      List<RecordFigures.DecidedPromises> promises) {
    Set<String> agents = new TreeSet<>(owners.agentsOf(team));
    loads.stream().map(TeamFigures.OwnerLoad::owner).filter(o -> o != null).forEach(agents::add);
    promises.stream().map(RecordFigures.DecidedPromises::agent).forEach(agents::add);
    List<DashboardData.Agent> agentRows = agents.stream().map(agent -> {
      TeamFigures.OwnerLoad l = loads.stream().filter(x -> agent.equals(x.owner())).findFirst()
          .orElse(new TeamFigures.OwnerLoad(team, agent, 0, BigDecimal.ZERO, BigDecimal.ZERO));
      return new DashboardData.Agent(agent, l.cases(), l.amountDue(), l.amountRepaid(),
          l.amountDue().subtract(l.amountRepaid()), recovered.getOrDefault(agent, BigDecimal.ZERO),
          outcomes(promises.stream().filter(p -> agent.equals(p.agent())).toList()));
    }).toList();
    long open = loads.stream().mapToLong(TeamFigures.OwnerLoad::cases).sum();
    long pooled = loads.stream().filter(l -> l.owner() == null).mapToLong(TeamFigures.OwnerLoad::cases).sum();
    BigDecimal due = loads.stream().map(TeamFigures.OwnerLoad::amountDue).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal repaid = loads.stream().map(TeamFigures.OwnerLoad::amountRepaid).reduce(BigDecimal.ZERO, BigDecimal::add);
    Labels.Label label = Labels.of(Labels.GROUPS, team);
    return new DashboardData.Team(team, label.zh(), label.en(), open, pooled, due, repaid, due.subtract(repaid),
        outcomes(promises), agentRows);
  }

  static DashboardData.PromiseOutcomes outcomes(List<RecordFigures.DecidedPromises> promises) {
    long kept = promises.stream().mapToLong(RecordFigures.DecidedPromises::kept).sum();
    long broken = promises.stream().mapToLong(RecordFigures.DecidedPromises::broken).sum();
    return new DashboardData.PromiseOutcomes(kept, broken, Dashboard.rate(kept, kept + broken));
  }
}
