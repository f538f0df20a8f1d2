package com.carloan.overdue.allocation;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.intake.LoanCases;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An agent's cases and a team's workload (CONTRACT §4 "Views"), read from the ownership and case tables. */
@Component
class OwnershipViews {

  record AgentCase(String loanId, String bucket, String team, int daysPastDue, BigDecimal amountDue,
      BigDecimal amountRepaid, LocalDate heldUntil) {
  }

  record AgentLoad(String agent, boolean available, int openCases, BigDecimal amountDue,
      BigDecimal recoveredThisMonth) {
  }

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final OwnershipStore store;
  private final TeamMembers members;
  private final BusinessClock clock;

  OwnershipViews(JdbcTemplate jdbc, OwnershipStore store, TeamMembers members, BusinessClock clock) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.store = store;
    this.members = members;
    this.clock = clock;
  }

  List<AgentCase> casesOf(String agent) {
    LocalDate today = clock.today();
    return jdbc.query("select o.loan_id, o.bucket, o.team, o.held_until, c.days_past_due, c.opened_at, "
        + LoanCases.amountDueSql("c") + " as amount_due, (select coalesce(sum(p.amount), 0) from payment p "
        + "where p.case_id = o.case_id) as repaid "
        + "from case_ownership o join loan_case c on c.id = o.case_id where o.owner = ? and o.closed_at is null "
        + "order by o.case_id", (rs, n) -> new AgentCase(rs.getString("loan_id"), rs.getString("bucket"),
            rs.getString("team"), Bucket.daysPastDue(rs.getInt("days_past_due"),
                rs.getTimestamp("opened_at").toInstant().atZone(BusinessClock.ZONE).toLocalDate(), today),
            rs.getBigDecimal("amount_due"), rs.getBigDecimal("repaid"),
            CaseOwners.lastHeldDay(rs.getTimestamp("held_until") == null ? null
                : rs.getTimestamp("held_until").toInstant())), agent);
  }

  List<AgentLoad> workload(String team) {
    List<String> agents = members.agentsOf(team);
    if (agents.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> open = new HashMap<>();
    Map<String, BigDecimal> due = new HashMap<>();
    named.query("select o.owner, count(*) as open_cases, coalesce(sum(" + LoanCases.amountDueSql("c")
        + "), 0) as amount_due "
        + "from case_ownership o join loan_case c on c.id = o.case_id where o.owner in (:agents) "
        + "and o.closed_at is null group by o.owner", new MapSqlParameterSource("agents", agents), rs -> {
          open.put(rs.getString("owner"), rs.getInt("open_cases"));
          due.put(rs.getString("owner"), rs.getBigDecimal("amount_due"));
        });
    LocalDate monthStart = clock.today().withDayOfMonth(1);
    Map<String, BigDecimal> recovered = new HashMap<>();
    named.query("select collector, coalesce(sum(amount), 0) as recovered from payment where collector in (:agents) "
        + "and paid_at >= :from and paid_at < :to group by collector", new MapSqlParameterSource("agents", agents)
            .addValue("from", Timestamp.from(monthStart.atStartOfDay(BusinessClock.ZONE).toInstant()))
            .addValue("to", Timestamp.from(monthStart.plusMonths(1).atStartOfDay(BusinessClock.ZONE).toInstant())),
        rs -> {
          recovered.put(rs.getString("collector"), rs.getBigDecimal("recovered"));
        });
    var rows = store.agents(agents);
    return agents.stream().map(agent -> new AgentLoad(agent, rows.get(agent) == null || rows.get(agent).available(),
        open.getOrDefault(agent, 0), due.getOrDefault(agent, BigDecimal.ZERO),
        recovered.getOrDefault(agent, BigDecimal.ZERO))).toList();
  }
}
