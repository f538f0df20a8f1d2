package com.carloan.overdue.operations;

import com.carloan.overdue.intake.LoanCases;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Aggregates over the ownership tables (db/migration V30): open cases, amounts and pool per team and owner,
 * payments per collector, bucket moves. Grouped in SQL, never case by case.
 */
@Repository
class TeamFigures {

  /** Open cases of one team held by one owner ({@code owner} null: the team's pool). */
  record OwnerLoad(String team, String owner, long cases, BigDecimal amountDue, BigDecimal amountRepaid) {}

  private final JdbcTemplate jdbc;

  TeamFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Open cases per team and owner: the overdue amount and, as the dashboard's "open" figures, what was paid on
   * them (two groupings, merged by key: a join of payments into the first would multiply the amounts).
   */
  List<OwnerLoad> openByOwner() {
    Map<List<String>, BigDecimal> repaid = new HashMap<>();
    jdbc.query("select o.team, o.owner, coalesce(sum(p.amount), 0) from case_ownership o "
        + "join payment p on p.case_id = o.case_id where o.closed_at is null group by o.team, o.owner",
        rs -> {
          repaid.put(key(rs.getString(1), rs.getString(2)), rs.getBigDecimal(3));
        });
    return jdbc.query("select o.team, o.owner, count(*), coalesce(sum(" + LoanCases.amountDueSql("c") + "), 0) "
        + "from case_ownership o "
        + "join loan_case c on c.id = o.case_id where o.closed_at is null group by o.team, o.owner",
        (rs, i) -> new OwnerLoad(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
            repaid.getOrDefault(key(rs.getString(1), rs.getString(2)), BigDecimal.ZERO)));
  }

  /** Payments per collecting agent (the case's owner when the payment came in), paid in {@code [from, to)}. */
  Map<String, BigDecimal> recoveredByCollector(Instant from, Instant to) {
    Map<String, BigDecimal> recovered = new HashMap<>();
    jdbc.query("select collector, coalesce(sum(amount), 0) from payment where collector is not null "
        + "and paid_at >= ? and paid_at < ? group by collector", rs -> {
          recovered.put(rs.getString(1), rs.getBigDecimal(2));
        }, Timestamp.from(from), Timestamp.from(to));
    return recovered;
  }

  /** Every bucket move ever recorded, per transition ({@link RollRates#key}). */
  Map<String, Long> bucketMoves() {
    Map<String, Long> moves = new HashMap<>();
    jdbc.query("select from_bucket, to_bucket, count(*) from ownership_event where kind = 'BUCKET_MOVED' "
        + "group by from_bucket, to_bucket", rs -> {
          moves.put(RollRates.key(rs.getString(1), rs.getString(2)), rs.getLong(3));
        });
    return moves;
  }

  private static List<String> key(String team, String owner) {
    return java.util.Arrays.asList(team, owner);
  }
}
