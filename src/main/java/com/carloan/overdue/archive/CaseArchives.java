package com.carloan.overdue.archive;

import static com.carloan.overdue.process.CaseVariables.ESCALATION_ACTION;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.common.Hashes;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.privacy.FieldCipher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Seals a closing case (记录与存档): the whole record, encrypted, with a SHA-256 over it, and the case
 * closed so the loan may get a new one.
 */
@Service
public class CaseArchives {

  private static final Logger log = LoggerFactory.getLogger(CaseArchives.class);

  private final CaseRecords records;
  private final LoanCases cases;
  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;
  private final ObjectMapper json;
  private final BusinessClock clock;

  CaseArchives(CaseRecords records, LoanCases cases, JdbcTemplate jdbc, FieldCipher cipher, ObjectMapper json,
      BusinessClock clock) {
    this.records = records;
    this.cases = cases;
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.json = json;
    this.clock = clock;
  }

  /** @return the case's outcome */
  public String seal(String loanId, Map<String, Object> variables) {
    LoanCase c = cases.lockActive(loanId).orElseThrow(() -> new IllegalStateException("No active case for loan " + loanId));
    CaseRecord record = records.of(c, variables);
    String outcome = CaseOutcomes.decide(record.amountDue(), record.amountRepaid(), (String) variables.get(ESCALATION_ACTION));
    Instant closedAt = clock.now();
    String body = write(Map.of("outcome", outcome, "closedAt", closedAt.toString(), "record", record));
    jdbc.update("insert into case_archive (case_id, loan_id, case_outcome, escalation_reason, closed_at, amount_due, "
        + "amount_repaid, record_cipher, record_sha256) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.loanId(), outcome,
        record.escalationReason(), Timestamp.from(closedAt), record.amountDue(), record.amountRepaid(),
        cipher.encrypt(body), Hashes.sha256(body));
    cases.close(c.id(), outcome, closedAt);
    log.info("Case of loan {} archived with outcome {}", loanId, outcome);
    return outcome;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Case record not serializable", e);
    }
  }

}
