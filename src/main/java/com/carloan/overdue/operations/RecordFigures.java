package com.carloan.overdue.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Aggregates over the collection record (db/migration V40, V42): promises to pay (承诺还款) and complaints (投诉).
 * Not the repayment plans' installment checks, which the dashboard's "promises" count from the engine's history.
 */
@Repository
class RecordFigures {

  /**
   * Promises to pay one agent made that were decided, on cases of one team. {@code team} is the team of the case's
   * ownership row (case_ownership.team: the team holding the case now, or at its close), not the team the agent
   * was in when promising: the row is there for every allocated case, one join, and a case moves team only with its
   * bucket or a supervisor's transfer, so for nearly every promise the two agree. Null: the case was never
   * allocated (a supervisor's note before allocation).
   */
  record DecidedPromises(String team, String agent, long kept, long broken) {}

  record Complaints(long open, long overdue) {}

  private final JdbcTemplate jdbc;

  RecordFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Promises decided (KEPT or BROKEN) in {@code [from, to)}, by {@code decided_at}, per team and maker. */
  List<DecidedPromises> decidedPromises(Instant from, Instant to) {
    return jdbc.query("select o.team, p.made_by, coalesce(sum(case when p.status = 'KEPT' then 1 else 0 end), 0), "
        + "coalesce(sum(case when p.status = 'BROKEN' then 1 else 0 end), 0) from promise_to_pay p "
        + "left join case_ownership o on o.case_id = p.case_id where p.decided_at >= ? and p.decided_at < ? "
        + "group by o.team, p.made_by",
        (rs, i) -> new DecidedPromises(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
        Timestamp.from(from), Timestamp.from(to));
  }

  /** Every promise to pay ever made, by status (OPEN, KEPT, BROKEN). */
  Map<String, Long> promisesByStatus() {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query("select status, count(*) from promise_to_pay group by status", rs -> {
      counts.put(rs.getString(1), rs.getLong(2));
    });
    return counts;
  }

  /** Complaints not handled yet, on any case, open or closed; overdue: past their handling deadline at {@code now}. */
  Complaints complaints(Instant now) {
    return jdbc.queryForObject("select count(*), coalesce(sum(case when due_at < ? then 1 else 0 end), 0) "
        + "from complaint where handled_at is null",
        (rs, i) -> new Complaints(rs.getLong(1), rs.getLong(2)), Timestamp.from(now));
  }
}
