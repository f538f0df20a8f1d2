package com.carloan.overdue.contact;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.intake.LoanCase;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reserves the next permitted moment for an outbound attempt and counts it against the borrower's day.
 * The count is one atomic UPDATE on {@code contact_day}, so two cases of the same borrower handled at
 * once cannot both take the third slot.
 */
@Component
class ContactScheduler {

  private final JdbcTemplate jdbc;
  private final ContactPolicy policy;
  private final BusinessClock clock;
  private final TransactionTemplate savepoint;

  ContactScheduler(JdbcTemplate jdbc, ContactPolicy policy, BusinessClock clock, PlatformTransactionManager tx) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.clock = clock;
    this.savepoint = new TransactionTemplate(tx);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** @return when the attempt may happen: now, or the next opening of the window on a day with a free slot */
  Instant reserve(LoanCase c, Channel channel, String purpose) {
    ZonedDateTime slot = policy.earliestContact(clock.now());
    while (!countAttempt(c.borrowerKey(), slot.toLocalDate())) {
      slot = policy.nextDayOpening(slot);
    }
    jdbc.update("insert into contact_attempt (borrower_key, loan_id, channel, purpose, scheduled_for, recorded_at) "
        + "values (?, ?, ?, ?, ?, ?)", c.borrowerKey(), c.loanId(), channel.name(), purpose,
        Timestamp.from(slot.toInstant()), Timestamp.from(clock.now()));
    return slot.toInstant();
  }

  /**
   * Counts an attempt made right now (a dial), if the contact window is open and the borrower's day has a free
   * slot. @return whether it may happen now; false changes nothing
   */
  boolean attemptNow(LoanCase c, Channel channel, String purpose) {
    ZonedDateTime now = clock.now().atZone(policy.zone());
    if (policy.isQuietTime(now.toInstant()) || !countAttempt(c.borrowerKey(), now.toLocalDate())) {
      return false;
    }
    jdbc.update("insert into contact_attempt (borrower_key, loan_id, channel, purpose, scheduled_for, recorded_at) "
        + "values (?, ?, ?, ?, ?, ?)", c.borrowerKey(), c.loanId(), channel.name(), purpose,
        Timestamp.from(now.toInstant()), Timestamp.from(now.toInstant()));
    return true;
  }

  private boolean countAttempt(String borrowerKey, LocalDate day) {
    if (increment(borrowerKey, day)) {
      return true;
    }
    if (dayRowExists(borrowerKey, day)) {
      return false;
    }
    try {
      // Inside a savepoint: on PostgreSQL a failed insert would otherwise abort the whole transaction.
      savepoint.executeWithoutResult(s -> jdbc.update(
          "insert into contact_day (borrower_key, business_date, attempts) values (?, ?, 0)", borrowerKey, Date.valueOf(day)));
    } catch (DuplicateKeyException raced) {
      // another transaction created the day's row first; the increment below decides
    }
    return increment(borrowerKey, day);
  }

  private boolean increment(String borrowerKey, LocalDate day) {
    return jdbc.update("update contact_day set attempts = attempts + 1 where borrower_key = ? and business_date = ? "
        + "and attempts < ?", borrowerKey, Date.valueOf(day), policy.maxAttemptsPerDay()) == 1;
  }

  private boolean dayRowExists(String borrowerKey, LocalDate day) {
    Integer n = jdbc.queryForObject("select count(*) from contact_day where borrower_key = ? and business_date = ?",
        Integer.class, borrowerKey, Date.valueOf(day));
    return n != null && n > 0;
  }
}
