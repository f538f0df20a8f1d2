package com.carloan.overdue.intake;

import static com.carloan.overdue.process.CaseVariables.*;

import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.common.Inserts;
import com.carloan.overdue.privacy.FieldCipher;
import com.carloan.overdue.privacy.PhoneNumbers;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.HexFormat;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case: the borrower's data into {@code loan_case} (numbers encrypted), then a
 * {@code carLoanOverdue} instance with business key = loan id, in one transaction.
 */
@Service
public class CaseIntakeService {

  private static final Logger log = LoggerFactory.getLogger(CaseIntakeService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final FieldCipher cipher;
  private final BusinessClock clock;

  CaseIntakeService(JdbcTemplate jdbc, RuntimeService runtime, FieldCipher cipher, BusinessClock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.cipher = cipher;
    this.clock = clock;
  }

  /**
   * @throws RequestRejected 400 with every invalid field, or 409 when the loan already has an active case
   */
  @Transactional
  public OpenedCase open(CaseIntake intake) {
    var errors = IntakeValidation.check(intake);
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    String wecomState = newWeComState();
    long caseId;
    try {
      caseId = insert(intake, wecomState);
    } catch (DuplicateKeyException e) {
      throw RequestRejected.conflict("Loan " + intake.loanId() + " already has an active case");
    }
    String processInstanceId = runtime
        .startProcessInstanceByKey(PROCESS_KEY, intake.loanId(), startVariables(intake, wecomState))
        .getProcessInstanceId();
    jdbc.update("update loan_case set process_instance_id = ? where id = ?", processInstanceId, caseId);
    log.info("Opened case for loan {} as process instance {}", intake.loanId(), processInstanceId);
    return new OpenedCase(intake.loanId(), processInstanceId);
  }

  /** True when the loan has an active case (import skips those). */
  public boolean hasActiveCase(String loanId) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "select count(*) > 0 from loan_case where active_loan_id = ?", Boolean.class, loanId));
  }

  private long insert(CaseIntake in, String wecomState) {
    String phone = in.borrower().phone();
    return Inserts.returningId(jdbc, "insert into loan_case (loan_id, active_loan_id, borrower_name, borrower_key, "
        + "phone_cipher, phone_masked, id_number_cipher, vehicle_plate, vehicle_vin, vehicle_status, overdue_amount, "
        + "outstanding_principal, days_past_due, prior_overdue_count, wecom_state, opened_at, penalty_amount, fee_amount) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.loanId(), in.loanId(), in.borrower().name().strip(), cipher.lookupHash(phone), cipher.encrypt(phone),
        PhoneNumbers.mask(phone), cipher.encrypt(in.borrower().idNumber()), in.vehicle().plate(), in.vehicle().vin(),
        in.vehicle().status(), in.overdueAmount(), in.outstandingPrincipal(), in.daysPastDue(), in.priorOverdueCount(),
        wecomState, Timestamp.from(clock.now()), in.penalty(), in.fee());
  }

  /**
   * What the case carries as process variables: what its forms, gateways and listeners read. The rest of the
   * intake stays in {@code loan_case}. The decision's two inputs that nothing else reads (vehicle status,
   * prior overdue count) are transient: the assessment evaluates them in this transaction, its history keeps
   * them, and they are never written as variables. Settings come from {@link com.carloan.overdue.process.CaseSettings}.
   */
  private static VariableMap startVariables(CaseIntake in, String wecomState) {
    return Variables.createVariables()
        .putValue(LOAN_ID, in.loanId())
        .putValue(BORROWER_NAME, in.borrower().name().strip())
        .putValue(BORROWER_PHONE_MASKED, PhoneNumbers.mask(in.borrower().phone()))
        .putValue(OVERDUE_AMOUNT, in.overdueAmount().doubleValue())
        .putValue(DAYS_PAST_DUE, in.daysPastDue())
        .putValue(AMOUNT_DUE, in.amountDue().doubleValue())
        .putValue(WECOM_STATE, wecomState)
        .putValueTyped(VEHICLE_STATUS, Variables.stringValue(in.vehicle().status(), true))
        .putValueTyped(PRIOR_OVERDUE_COUNT, Variables.integerValue(in.priorOverdueCount(), true));
  }

  /** WeCom echoes this as {@code State} when the borrower adds us; at most 30 characters, not guessable. */
  private static String newWeComState() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return "c" + HexFormat.of().formatHex(bytes);
  }
}
