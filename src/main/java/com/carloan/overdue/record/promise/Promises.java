package com.carloan.overdue.record.promise;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.common.Inserts;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.record.promise.PromiseTerms.Status;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The promises to pay of every case (table {@code promise_to_pay}), made with a note and decided once. */
@Service
public class Promises {

  /** A promise as the API shows it; {@code paid} counts the payments since it was made (until it fell due). */
  public record Promise(long promiseId, long noteId, BigDecimal amount, LocalDate date, String status, BigDecimal paid,
      Instant dueAt) {
  }

  /** A promise the sweep just decided, with what its follow-up task needs. */
  record Decided(long promiseId, long caseId, String loanId, BigDecimal amount, LocalDate date, Status status,
      BigDecimal paid) {
  }

  private final JdbcTemplate jdbc;
  private final BusinessClock clock;
  private final PromiseSettings settings;

  Promises(JdbcTemplate jdbc, BusinessClock clock, PromiseSettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = settings;
  }

  /** Records the promise made in the note; it is {@code OPEN} until its date's end plus the grace. @return its id */
  public long make(LoanCase c, long noteId, BigDecimal amount, LocalDate date, String madeBy) {
    return Inserts.returningId(jdbc, "insert into promise_to_pay (case_id, loan_id, note_id, amount, promised_for, "
        + "made_by, made_at, due_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.loanId(), noteId, amount,
        Date.valueOf(date), madeBy, Timestamp.from(clock.now()),
        Timestamp.from(PromiseTerms.dueAt(date, settings.getGrace())), Status.OPEN.name());
  }

  public List<Promise> list(long caseId) {
    return jdbc.query("select p.id, p.note_id, p.amount, p.promised_for, p.status, p.due_at, coalesce(p.paid, "
        + "(select coalesce(sum(m.amount), 0) from payment m where m.case_id = p.case_id and m.received_at >= p.made_at "
        + "and m.received_at < p.due_at)) as paid from promise_to_pay p where p.case_id = ? order by p.id",
        (rs, n) -> new Promise(rs.getLong("id"), rs.getLong("note_id"), rs.getBigDecimal("amount"),
            rs.getDate("promised_for").toLocalDate(), rs.getString("status"), rs.getBigDecimal("paid"),
            rs.getTimestamp("due_at").toInstant()), caseId);
  }

  /** The open promises that fell due by {@code now}, oldest first. */
  List<Long> fallenDue(Instant now, int limit) {
    return jdbc.queryForList("select id from promise_to_pay where status = 'OPEN' and due_at <= ? order by due_at, id "
        + "fetch first " + limit + " rows only", Long.class, Timestamp.from(now));
  }

  /**
   * Decides the promise if it is still open and due, under a lock on its row: of two nodes sweeping at
   * once, the second waits and then finds it decided. Payments reported from its making until it fell due
   * count, the grace period's included.
   */
  Optional<Decided> decide(long promiseId, Instant now) {
    var open = jdbc.query("select case_id, loan_id, amount, promised_for, made_at, due_at from promise_to_pay "
        + "where id = ? and status = 'OPEN' and due_at <= ? for update", (rs, n) -> new Object[] {rs.getLong(1),
        rs.getString(2), rs.getBigDecimal(3), rs.getDate(4).toLocalDate(), rs.getTimestamp(5), rs.getTimestamp(6)},
        promiseId, Timestamp.from(now));
    if (open.isEmpty()) {
      return Optional.empty();
    }
    Object[] p = open.get(0);
    long caseId = (long) p[0];
    BigDecimal amount = (BigDecimal) p[2];
    BigDecimal paid = jdbc.queryForObject("select coalesce(sum(amount), 0) from payment where case_id = ? "
        + "and received_at >= ? and received_at < ?", BigDecimal.class, caseId, p[4], p[5]);
    Status status = PromiseTerms.decide(amount, paid);
    jdbc.update("update promise_to_pay set status = ?, paid = ?, decided_at = ? where id = ?", status.name(), paid,
        Timestamp.from(now), promiseId);
    return Optional.of(new Decided(promiseId, caseId, (String) p[1], amount, (LocalDate) p[3], status, paid));
  }
}
