package com.carloan.overdue.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code loan_case} table. */
@Repository
public class LoanCases {

  private static final String COLUMNS = "id, loan_id, process_instance_id, borrower_name, borrower_key, phone_cipher, "
      + "phone_masked, vehicle_plate, vehicle_status, overdue_amount, days_past_due, wecom_state, credit_notice_at, "
      + "opened_at, closed_at, case_outcome, penalty_amount, fee_amount, amount_waived";

  private static final RowMapper<LoanCase> ROW = LoanCases::map;

  /**
   * The amount due of a {@code loan_case} row in SQL (CONTRACT §5): overdue amount, penalty and fees, less the
   * approved waivers. {@code alias}: the table's alias in the query, or empty.
   */
  public static String amountDueSql(String alias) {
    String a = alias.isEmpty() ? "" : alias + ".";
    return "(" + a + "overdue_amount + " + a + "penalty_amount + " + a + "fee_amount - " + a + "amount_waived)";
  }

  private final JdbcTemplate jdbc;

  LoanCases(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<LoanCase> findActive(String loanId) {
    return first(jdbc.query("select " + COLUMNS + " from loan_case where active_loan_id = ?", ROW, loanId));
  }

  /** The active case of the loan, locked until the transaction ends: serializes payments and contact of one case. */
  public Optional<LoanCase> lockActive(String loanId) {
    return first(jdbc.query("select " + COLUMNS + " from loan_case where active_loan_id = ? for update", ROW, loanId));
  }

  public LoanCase requireActive(String loanId) {
    return findActive(loanId).orElseThrow(() -> new IllegalStateException("No active case for loan " + loanId));
  }

  /** The newest case of the loan, open or closed. */
  public Optional<LoanCase> findLatest(String loanId) {
    return first(jdbc.query("select " + COLUMNS + " from loan_case where loan_id = ? order by id desc", ROW, loanId));
  }

  public Optional<LoanCase> findById(long caseId) {
    return first(jdbc.query("select " + COLUMNS + " from loan_case where id = ?", ROW, caseId));
  }

  /** When the loan's next case after this one was opened, if it has one. */
  public Optional<Instant> nextOpenedAfter(LoanCase c) {
    return first(jdbc.query("select opened_at from loan_case where loan_id = ? and id > ? order by id",
        (rs, n) -> rs.getTimestamp(1).toInstant(), c.loanId(), c.id()));
  }

  /**
   * Retention: the borrower's name, phone and ID number (and what identifies them: the lookup key, the
   * vehicle) are erased; the loan, the amounts, the dates and the outcome stay.
   */
  public void erasePersonalData(long caseId, Instant at) {
    jdbc.update("update loan_case set borrower_name = null, borrower_key = null, phone_cipher = null, "
        + "phone_masked = null, id_number_cipher = null, vehicle_plate = null, vehicle_vin = null, erased_at = ? "
        + "where id = ? and closed_at is not null", Timestamp.from(at), caseId);
  }

  public Optional<LoanCase> findByWeComState(String state) {
    return first(jdbc.query("select " + COLUMNS + " from loan_case where wecom_state = ?", ROW, state));
  }

  public void markCreditNoticeSent(long caseId, Instant at) {
    jdbc.update("update loan_case set credit_notice_at = ? where id = ?", Timestamp.from(at), caseId);
  }

  /** Closes the case: the loan may get a new case from now on. */
  public void close(long caseId, String outcome, Instant at) {
    jdbc.update("update loan_case set active_loan_id = null, closed_at = ?, case_outcome = ? where id = ?",
        Timestamp.from(at), outcome, caseId);
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.stream().findFirst();
  }

  private static LoanCase map(ResultSet rs, int row) throws SQLException {
    return new LoanCase(rs.getLong("id"), rs.getString("loan_id"), rs.getString("process_instance_id"),
        rs.getString("borrower_name"), rs.getString("borrower_key"), rs.getString("phone_cipher"),
        rs.getString("phone_masked"), rs.getString("vehicle_plate"), rs.getString("vehicle_status"),
        rs.getBigDecimal("overdue_amount"), rs.getInt("days_past_due"), rs.getString("wecom_state"),
        instant(rs, "credit_notice_at"), instant(rs, "opened_at"), instant(rs, "closed_at"),
        rs.getString("case_outcome"), rs.getBigDecimal("penalty_amount"), rs.getBigDecimal("fee_amount"),
        rs.getBigDecimal("amount_waived"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
