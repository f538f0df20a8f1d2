package com.carloan.overdue.operations;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.intake.LoanCases;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Aggregates over the application's own tables: cases, payments, plans and the sealed archive. */
@Repository
class CaseFigures {

  /** Amounts due are net of approved waivers; {@code amountWaived} is what the waivers gave up, never recovered. */
  record Totals(long opened, long open, BigDecimal amountDue, BigDecimal openAmountDue, BigDecimal amountWaived) {}

  record Recovered(BigDecimal all, BigDecimal openCases) {}

  record Received(BigDecimal amount, long payments) {}

  record OutcomeCount(String outcome, long cases, BigDecimal amountDue) {}

  record ClosedDay(LocalDate day, String outcome, long cases, BigDecimal amountDue, BigDecimal amountRepaid) {}

  private final JdbcTemplate jdbc;

  private static final String DUE = LoanCases.amountDueSql("");

  CaseFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Totals totals() {
    return jdbc.queryForObject("select count(*), coalesce(sum(case when closed_at is null then 1 else 0 end), 0), "
        + "coalesce(sum(" + DUE + "), 0), coalesce(sum(case when closed_at is null then " + DUE + " end), 0), "
        + "coalesce(sum(amount_waived), 0) from loan_case", (rs, i) -> new Totals(rs.getLong(1), rs.getLong(2),
        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
  }

  /** Open cases only, through the index on {@code closed_at}: what the dashboard needs. */
  Totals openTotals() {
    return jdbc.queryForObject("select count(*), coalesce(sum(" + DUE + "), 0), coalesce(sum(amount_waived), 0) "
        + "from loan_case where closed_at is null", (rs, i) -> new Totals(0, rs.getLong(1), BigDecimal.ZERO,
        rs.getBigDecimal(2), rs.getBigDecimal(3)));
  }

  /** Payments matched to a case, in all and of the cases still open. */
  Recovered recovered() {
    return jdbc.queryForObject("select coalesce(sum(p.amount), 0), "
        + "coalesce(sum(case when c.closed_at is null then p.amount end), 0) "
        + "from payment p join loan_case c on c.id = p.case_id",
        (rs, i) -> new Recovered(rs.getBigDecimal(1), rs.getBigDecimal(2)));
  }

  /**
   * Payments matched to a case, paid in {@code [from, to)}, whether the case is open or closed. By {@code paid_at},
   * as the agents' "recovered this month" ({@link TeamFigures#recoveredByCollector}) counts them: the day the
   * borrower paid, not the day the loan system reported it ({@code received_at}), so a late report still counts
   * on its day and the window and the month agree.
   */
  Received received(Instant from, Instant to) {
    return jdbc.queryForObject("select coalesce(sum(amount), 0), count(*) from payment "
        + "where paid_at >= ? and paid_at < ? and case_id is not null",
        (rs, i) -> new Received(rs.getBigDecimal(1), rs.getLong(2)), Timestamp.from(from), Timestamp.from(to));
  }

  BigDecimal repaidOnOpenCases() {
    return jdbc.queryForObject("select coalesce(sum(p.amount), 0) from loan_case c join payment p on p.case_id = c.id "
        + "where c.closed_at is null", BigDecimal.class);
  }

  List<OutcomeCount> closedByOutcome() {
    return jdbc.query("select case_outcome, count(*), coalesce(sum(" + DUE + "), 0) from loan_case "
        + "where closed_at is not null group by case_outcome",
        (rs, i) -> new OutcomeCount(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)));
  }

  /** Cases sealed since an instant, per business day (Asia/Shanghai) and outcome. */
  List<ClosedDay> closedPerDay(Instant since) {
    long offset = BusinessClock.ZONE.getRules().getOffset(since).getTotalSeconds();
    // Whole seconds and integer division: H2 divides NUMERIC at unbounded scale, which is very slow.
    return jdbc.query("select d, case_outcome, count(*), sum(amount_due), sum(amount_repaid) from ("
        + "select (cast(extract(epoch from closed_at) as bigint) + ?) / 86400 d, case_outcome, amount_due, amount_repaid "
        + "from case_archive where closed_at >= ?) x group by d, case_outcome",
        (rs, i) -> new ClosedDay(LocalDate.ofEpochDay(rs.getLong(1)), rs.getString(2), rs.getLong(3),
            rs.getBigDecimal(4), rs.getBigDecimal(5)), offset, Timestamp.from(since));
  }

  long plansAgreed(Instant since) {
    return since == null
        ? jdbc.queryForObject("select count(*) from repayment_plan", Long.class)
        : jdbc.queryForObject("select count(*) from repayment_plan where agreed_at >= ?", Long.class,
            Timestamp.from(since));
  }
}
