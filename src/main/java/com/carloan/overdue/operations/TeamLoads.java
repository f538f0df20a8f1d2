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
 * Open cases, amounts and pool per team, and under each team its agents with their open owned cases and what
 * they recovered this business month (Asia/Shanghai). The three teams of the contract always appear; a team
 * a process owner's decision added appears once it holds an open case. A team's agents are its members in
 * {@code collection-agent} and whoever owns an open case of it.
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

  List<DashboardData.Team> teams() {
    List<TeamFigures.OwnerLoad> loads = figures.openByOwner();
    LocalDate monthStart = clock.today().withDayOfMonth(1);
    Map<String, BigDecimal> recovered = figures.recoveredByCollector(
        monthStart.atStartOfDay(BusinessClock.ZONE).toInstant(),
        monthStart.plusMonths(1).atStartOfDay(BusinessClock.ZONE).toInstant());
    Set<String> teams = new LinkedHashSet<>(CollectionGroups.TEAMS);
    loads.stream().map(TeamFigures.OwnerLoad::team).sorted().forEach(teams::add);
    List<DashboardData.Team> rows = new ArrayList<>();
    for (String team : teams) {
      rows.add(team(team, loads.stream().filter(l -> l.team().equals(team)).toList(), recovered));
    }
    return rows;
  }

  private DashboardData.Team team(String team, List<TeamFigures.OwnerLoad> loads, Map<String, BigDecimal> recovered) {
    Set<String> agents = new TreeSet<>(owners.agentsOf(team));
    loads.stream().map(TeamFigures.OwnerLoad::owner).filter(o -> o != null).forEach(agents::add);
    List<DashboardData.Agent> agentRows = agents.stream().map(agent -> {
      TeamFigures.OwnerLoad l = loads.stream().filter(x -> agent.equals(x.owner())).findFirst()
          .orElse(new TeamFigures.OwnerLoad(team, agent, 0, BigDecimal.ZERO, BigDecimal.ZERO));
      return new DashboardData.Agent(agent, l.cases(), l.amountDue(), l.amountRepaid(),
          l.amountDue().subtract(l.amountRepaid()), recovered.getOrDefault(agent, BigDecimal.ZERO));
    }).toList();
    long open = loads.stream().mapToLong(TeamFigures.OwnerLoad::cases).sum();
    long pooled = loads.stream().filter(l -> l.owner() == null).mapToLong(TeamFigures.OwnerLoad::cases).sum();
    BigDecimal due = loads.stream().map(TeamFigures.OwnerLoad::amountDue).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal repaid = loads.stream().map(TeamFigures.OwnerLoad::amountRepaid).reduce(BigDecimal.ZERO, BigDecimal::add);
    Labels.Label label = Labels.of(Labels.GROUPS, team);
    return new DashboardData.Team(team, label.zh(), label.en(), open, pooled, due, repaid, due.subtract(repaid),
        agentRows);
  }
}
