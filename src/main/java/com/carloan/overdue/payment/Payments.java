package com.carloan.overdue.payment;

import com.carloan.overdue.allocation.CaseOwners;
import static com.carloan.overdue.process.CaseVariables.AMOUNT_REPAID;
import static com.carloan.overdue.process.CaseVariables.MESSAGE_DEBT_SETTLED;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments reported by the loan system. Each paymentId counts once; payments of one case are serialized
 * by locking its row, so two at the same moment both count; reaching the amount due settles the case
 * (message {@code DebtSettled}, which interrupts whatever the case was doing).
 */
@Service
public class Payments {

  private static final Logger log = LoggerFactory.getLogger(Payments.class);
  private static final Pattern PAYMENT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");

  private final JdbcTemplate jdbc;
  private final LoanCases cases;
  private final RuntimeService runtime;
  private final BusinessClock clock;
  private final CaseOwners owners;

  Payments(JdbcTemplate jdbc, LoanCases cases, RuntimeService runtime, BusinessClock clock, CaseOwners owners) {
    this.owners = owners;
    this.jdbc = jdbc;
    this.cases = cases;
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * @throws RequestRejected 400 for an invalid report, 404 (after keeping the payment for reconciliation)
   *     when the loan has no active case, 409 when the paymentId was reported before with other data
   */
  @Transactional(noRollbackFor = RequestRejected.class)
  public PaymentStatus record(String loanId, PaymentReport report) {
    List<FieldError> errors = validate(report);
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    var existing = jdbc.queryForList("select loan_id, amount from payment where payment_id = ?", report.paymentId());
    LoanCase c = cases.lockActive(loanId).orElse(null);
    if (!existing.isEmpty()) {
      Map<String, Object> seen = existing.get(0);
      if (!loanId.equals(seen.get("loan_id")) || ((BigDecimal) seen.get("amount")).compareTo(report.amount()) != 0) {
        throw RequestRejected.conflict("Payment " + report.paymentId() + " was reported before with another loan or amount");
      }
    } else {
      // the payment counts for the agent who owns the case when it comes in (recovered per agent)
      jdbc.update("insert into payment (payment_id, loan_id, case_id, amount, paid_at, received_at, collector) "
          + "values (?, ?, ?, ?, ?, ?, ?)", report.paymentId(), loanId, c == null ? null : c.id(), report.amount(),
          Timestamp.from(report.paidAt().toInstant()), Timestamp.from(clock.now()),
          c == null ? null : owners.ownerOf(c.id()).orElse(null));
    }
    if (c == null) {
      log.info("Payment {} for loan {} has no active case; kept for reconciliation", report.paymentId(), loanId);
      throw RequestRejected.notFound("No active case for loan " + loanId + "; the payment was kept for reconciliation");
    }
    BigDecimal repaid = totalRepaid(c.id());
    boolean settled = repaid.compareTo(c.amountDue()) >= 0;
    runtime.setVariable(c.processInstanceId(), AMOUNT_REPAID, repaid.doubleValue());
    if (settled) {
      // correlateAll: no error when the case already left the settle-able part (e.g. it is being archived)
      runtime.createMessageCorrelation(MESSAGE_DEBT_SETTLED).processInstanceId(c.processInstanceId()).correlateAll();
      log.info("Loan {} settled", loanId);
    }
    return new PaymentStatus(c.amountDue(), repaid, settled);
  }

  /** What the case still owes: its amount due less the payments reported; never below zero. */
  public BigDecimal leftToPay(LoanCase c) {
    return c.amountDue().subtract(totalRepaid(c.id())).max(BigDecimal.ZERO);
  }

  public BigDecimal totalRepaid(long caseId) {
    return jdbc.queryForObject("select coalesce(sum(amount), 0) from payment where case_id = ?", BigDecimal.class, caseId);
  }

  static List<FieldError> validate(PaymentReport r) {
    List<FieldError> errors = new ArrayList<>();
    if (r.paymentId() == null || !PAYMENT_ID.matcher(r.paymentId()).matches()) {
      errors.add(new FieldError("paymentId", "must be 1-64 characters of A-Z, a-z, 0-9, _ . : -"));
    }
    if (r.amount() == null || r.amount().signum() <= 0 || r.amount().stripTrailingZeros().scale() > 2
        || r.amount().compareTo(MAX_AMOUNT) > 0) {
      errors.add(new FieldError("amount", "must be greater than 0 with at most 2 decimals"));
    }
    if (r.paidAt() == null) {
      errors.add(new FieldError("paidAt", "is required, as an ISO-8601 date-time with offset"));
    }
    return errors;
  }
}
