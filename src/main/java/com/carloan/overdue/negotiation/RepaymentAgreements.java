package com.carloan.overdue.negotiation;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.contact.BorrowerContact;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.payment.Payments;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Repayment agreements (还款协议): the schedule of the agreed plan, and whether the borrower keeps it.
 * An installment is checked at the start of the day after its due date plus the grace period, business time.
 */
@Service
public class RepaymentAgreements {

  public enum Check { ON_TRACK, BROKEN, COMPLETED }

  public record CheckResult(Check status, Instant nextCheck) {}

  private final JdbcTemplate jdbc;
  private final LoanCases cases;
  private final Payments payments;
  private final BorrowerContact contact;
  private final BusinessClock clock;

  RepaymentAgreements(JdbcTemplate jdbc, LoanCases cases, Payments payments, BorrowerContact contact, BusinessClock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.payments = payments;
    this.contact = contact;
    this.clock = clock;
  }

  /**
   * Stores the plan over what is still unpaid and sends the borrower the confirmation.
   * @return when the first installment is checked
   */
  public Instant record(String loanId, PlanTerms terms, String agreedBy, Duration grace) {
    LoanCase c = cases.requireActive(loanId);
    BigDecimal repaid = payments.totalRepaid(c.id());
    BigDecimal open = c.amountDue().subtract(repaid);
    List<Installment> schedule = terms.schedule(open);
    int planNo = 1 + jdbc.queryForObject("select coalesce(max(plan_no), 0) from repayment_plan where case_id = ?",
        Integer.class, c.id());
    jdbc.update("insert into repayment_plan (case_id, plan_no, plan_type, repaid_before, agreed_at, agreed_by) "
        + "values (?, ?, ?, ?, ?, ?)", c.id(), planNo, terms.type().name(), repaid, Timestamp.from(clock.now()), agreedBy);
    for (Installment i : schedule) {
      jdbc.update("insert into repayment_installment (case_id, plan_no, seq, due_date, amount) values (?, ?, ?, ?, ?)",
          c.id(), planNo, i.seq(), Date.valueOf(i.dueDate()), i.amount());
    }
    contact.sendAgreementConfirmation(loanId, summary(schedule));
    return checkTime(schedule.get(0).dueDate(), grace);
  }

  /** Compares what was paid with what the current plan expected by now. */
  public CheckResult check(String loanId, Duration grace) {
    LoanCase c = cases.requireActive(loanId);
    long caseId = c.id();
    Integer planNo = jdbc.queryForObject("select max(plan_no) from repayment_plan where case_id = ?", Integer.class, caseId);
    if (planNo == null) {
      throw new IllegalStateException("Loan " + loanId + " has no repayment plan to check");
    }
    BigDecimal expected = jdbc.queryForObject("select repaid_before from repayment_plan where case_id = ? and plan_no = ?",
        BigDecimal.class, caseId, planNo);
    List<Installment> schedule = jdbc.query("select seq, due_date, amount from repayment_installment "
        + "where case_id = ? and plan_no = ? order by seq", (rs, n) -> new Installment(rs.getInt("seq"),
        rs.getDate("due_date").toLocalDate(), rs.getBigDecimal("amount")), caseId, planNo);
    Instant now = clock.now();
    Instant next = null;
    for (Installment i : schedule) {
      Instant due = checkTime(i.dueDate(), grace);
      if (!due.isAfter(now)) {
        expected = expected.add(i.amount());
      } else if (next == null) {
        next = due;
      }
    }
    if (payments.totalRepaid(caseId).compareTo(expected) < 0) {
      return new CheckResult(Check.BROKEN, null);
    }
    return next == null ? new CheckResult(Check.COMPLETED, null) : new CheckResult(Check.ON_TRACK, next);
  }

  private static Instant checkTime(LocalDate dueDate, Duration grace) {
    return dueDate.plusDays(1).atStartOfDay(BusinessClock.ZONE).toInstant().plus(grace);
  }

  private static String summary(List<Installment> schedule) {
    Installment first = schedule.get(0);
    if (schedule.size() == 1) {
      return first.dueDate() + "前还款" + first.amount().toPlainString() + "元";
    }
    return schedule.size() + "期，首期" + first.dueDate() + "还款" + first.amount().toPlainString() + "元，"
        + schedule.stream().skip(1).map(i -> i.dueDate().toString()).collect(Collectors.joining("、", "此后", "各期按月还款"));
  }
}
