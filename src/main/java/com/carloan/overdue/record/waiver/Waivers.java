package com.carloan.overdue.record.waiver;

import static com.carloan.overdue.process.CaseVariables.AMOUNT_DUE;
import static com.carloan.overdue.process.CaseVariables.AMOUNT_WAIVED;
import static com.carloan.overdue.process.CaseVariables.MESSAGE_WAIVER_REQUESTED;
import static com.carloan.overdue.process.CaseVariables.WAIVER_AMOUNT;
import static com.carloan.overdue.process.CaseVariables.WAIVER_APPROVERS;
import static com.carloan.overdue.process.CaseVariables.WAIVER_ID;
import static com.carloan.overdue.process.CaseVariables.WAIVER_KIND;
import static com.carloan.overdue.process.CaseVariables.WAIVER_REASON;
import static com.carloan.overdue.process.CaseVariables.WAIVER_REQUESTED_BY;

import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.common.Inserts;
import com.carloan.overdue.identity.CollectionGroups;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.payment.Payments;
import com.carloan.overdue.process.EarlierNotes;
import com.carloan.overdue.record.waiver.WaiverRules.Authority;
import com.carloan.overdue.record.waiver.WaiverRules.Kind;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Waivers of a case (table {@code waiver}, 减免): asked for by the case's owner or a supervisor, approved by
 * someone else with the authority for it ({@link WaiverRules}) in {@code approveWaiver}. An approved waiver
 * lowers the amount due; waived money is never counted as recovered.
 */
@Service
public class Waivers {

  private static final Logger log = LoggerFactory.getLogger(Waivers.class);

  /** A waiver as its readers see it. */
  public record Waiver(long waiverId, String kind, BigDecimal amount, String reason, String status, String requestedBy,
      OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt, String comment) {
  }

  /** What an approval did: whether payments already reach the lowered amount due. */
  public record Decided(boolean approved, BigDecimal amountDue, boolean settles) {
  }

  private final JdbcTemplate jdbc;
  private final LoanCases cases;
  private final Payments payments;
  private final RuntimeService runtime;
  private final BusinessClock clock;

  Waivers(JdbcTemplate jdbc, LoanCases cases, Payments payments, RuntimeService runtime, BusinessClock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.payments = payments;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** The case's amounts as the waiver rules weigh them. */
  public WaiverRules.Standing standing(LoanCase c) {
    BigDecimal penaltyWaived = approved(c.id(), Kind.PENALTY);
    BigDecimal feeWaived = approved(c.id(), Kind.FEE);
    return new WaiverRules.Standing(c.overdueAmount().add(c.penaltyAmount()).add(c.feeAmount()), payments.leftToPay(c),
        c.penaltyAmount().subtract(penaltyWaived).max(BigDecimal.ZERO), c.feeAmount().subtract(feeWaived).max(BigDecimal.ZERO),
        c.amountWaived());
  }

  /**
   * Records a waiver that passed {@link WaiverRules} on a case whose row the caller locked, and opens its approval.
   *
   * @throws RequestRejected 409 while another waiver of the case waits for approval
   */
  @Transactional
  public long request(LoanCase c, Kind kind, BigDecimal amount, String reason, String by) {
    if (jdbc.queryForObject("select count(*) from waiver where case_id = ? and status = 'PENDING'", Integer.class,
        c.id()) > 0) {
      throw RequestRejected.conflict("Another waiver of loan " + c.loanId() + " waits for approval; decide it first");
    }
    Authority authority = WaiverRules.authority(kind, amount, standing(c));
    long id = Inserts.returningId(jdbc, "insert into waiver (case_id, loan_id, kind, amount, reason, status, requested_by, "
        + "requested_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?)", c.id(), c.loanId(), kind.name(), amount, reason.strip(),
        by, Timestamp.from(clock.now()));
    runtime.createMessageCorrelation(MESSAGE_WAIVER_REQUESTED).processInstanceId(c.processInstanceId())
        .setVariables(Variables.createVariables()
            .putValue(WAIVER_ID, id)
            .putValue(WAIVER_KIND, kind.name())
            .putValue(WAIVER_AMOUNT, amount.doubleValue())
            .putValue(WAIVER_REASON, reason.strip())
            .putValue(WAIVER_REQUESTED_BY, by)
            // managers may do what supervisors may (CONTRACT §3)
            .putValue(WAIVER_APPROVERS, authority == Authority.SUPERVISOR
                ? CollectionGroups.SUPERVISOR + "," + CollectionGroups.MANAGER : CollectionGroups.MANAGER))
        .correlateWithResult();
    note(c, by, "减免申请 Waiver #" + id + " · " + kind + " ¥" + amount.toPlainString() + " · 审批 " + authority);
    log.info("Waiver {} of {} {} asked for on loan {}; {} approves", id, kind, amount, c.loanId(), authority);
    return id;
  }

  /**
   * The approver's decision, in the approval task's transaction.
   *
   * @param approverGroups the groups of whoever decides
   * @throws IllegalArgumentException when the requester decides, or a supervisor decides a manager's waiver
   */
  public Decided decide(long waiverId, boolean approved, String comment, String by, List<String> approverGroups) {
    var row = jdbc.queryForMap("select case_id, kind, amount, requested_by, status from waiver where id = ? for update",
        waiverId);
    if (!"PENDING".equals(row.get("status"))) {
      throw new IllegalArgumentException("waiver " + waiverId + " was decided before");
    }
    if (by == null || by.equals(row.get("requested_by"))) {
      throw new IllegalArgumentException("four eyes: the waiver must be decided by someone other than "
          + row.get("requested_by") + ", who asked for it");
    }
    LoanCase c = cases.findById(((Number) row.get("case_id")).longValue()).orElseThrow();
    Kind kind = Kind.valueOf((String) row.get("kind"));
    BigDecimal amount = (BigDecimal) row.get("amount");
    Authority authority = WaiverRules.authority(kind, amount, standing(c));
    if (authority == Authority.MANAGER && !approverGroups.contains(CollectionGroups.MANAGER)
        && !approverGroups.contains(CollectionGroups.ADMIN)) {
      throw new IllegalArgumentException("a " + kind + " waiver of " + amount.toPlainString()
          + " is above a supervisor's authority: a collection manager decides it");
    }
    jdbc.update("update waiver set status = ?, decided_by = ?, decided_at = ?, comment = ? where id = ?",
        approved ? "APPROVED" : "REJECTED", by, Timestamp.from(clock.now()), comment, waiverId);
    if (!approved) {
      note(c, by, "减免驳回 Waiver #" + waiverId + " rejected");
      return new Decided(false, c.amountDue(), false);
    }
    jdbc.update("update loan_case set amount_waived = amount_waived + ? where id = ?", amount, c.id());
    LoanCase waived = cases.findById(c.id()).orElseThrow();
    runtime.setVariable(c.processInstanceId(), AMOUNT_DUE, waived.amountDue().doubleValue());
    runtime.setVariable(c.processInstanceId(), AMOUNT_WAIVED, waived.amountWaived().doubleValue());
    boolean settles = payments.totalRepaid(c.id()).compareTo(waived.amountDue()) >= 0;
    note(c, by, "减免批准 Waiver #" + waiverId + " approved · 应还 ¥" + waived.amountDue().toPlainString()
        + (settles ? " · 已结清 settled" : ""));
    log.info("Waiver {} on loan {} approved by {}; amount due now {}{}", waiverId, c.loanId(), by, waived.amountDue(),
        settles ? ", which the payments reach" : "");
    return new Decided(true, waived.amountDue(), settles);
  }

  public List<Waiver> list(long caseId) {
    return jdbc.query("select id, kind, amount, reason, status, requested_by, requested_at, decided_by, decided_at, comment "
        + "from waiver where case_id = ? order by id", (rs, n) -> new Waiver(rs.getLong("id"), rs.getString("kind"),
        rs.getBigDecimal("amount"), rs.getString("reason"), rs.getString("status"), rs.getString("requested_by"),
        time(rs.getTimestamp("requested_at")), rs.getString("decided_by"), time(rs.getTimestamp("decided_at")),
        rs.getString("comment")), caseId);
  }

  private BigDecimal approved(long caseId, Kind kind) {
    return jdbc.queryForObject("select coalesce(sum(amount), 0) from waiver where case_id = ? and kind = ? "
        + "and status = 'APPROVED'", BigDecimal.class, caseId, kind.name());
  }

  private void note(LoanCase c, String by, String what) {
    EarlierNotes.append(runtime, c.processInstanceId(), clock.now(), "减免", by, what);
  }

  private static OffsetDateTime time(Timestamp t) {
    return t == null ? null : t.toInstant().atZone(BusinessClock.ZONE).toOffsetDateTime();
  }
}
