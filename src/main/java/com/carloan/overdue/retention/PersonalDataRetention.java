package com.carloan.overdue.retention;

import com.carloan.overdue.archive.CaseArchives;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.communication.CommunicationLog;
import com.carloan.overdue.contact.ContactHistory;
import com.carloan.overdue.escalation.EvidencePacks;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.record.complaint.Complaints;
import com.carloan.overdue.record.note.CaseNotes;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a borrower's personal data once a closed case has been kept for the retention period
 * ({@code collections.retention.period}, five years: how long negative credit information may be kept,
 * 征信业管理条例 Art. 16): name, phone and ID number, vehicle, the content of every communication and
 * message, free-text notes, the evidence-pack PDF. What the law still asks for stays: loan id, outcome,
 * amounts, dates, that and when the credit-report notice was sent, who decided what, and every hash.
 * Camunda's history of the case goes by its own cleanup (historyTimeToLive, same period).
 */
@Component
public class PersonalDataRetention {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

  private final Duration period;
  private final JdbcTemplate jdbc;
  private final LoanCases cases;
  private final CaseArchives archives;
  private final CommunicationLog communications;
  private final EvidencePacks evidencePacks;
  private final ContactHistory contacts;
  private final CaseNotes notes;
  private final Complaints complaints;
  private final BusinessClock clock;
  private final TransactionTemplate perCase;

  PersonalDataRetention(@Value("${collections.retention.period}") Duration period, JdbcTemplate jdbc,
      LoanCases cases, CaseArchives archives, CommunicationLog communications, EvidencePacks evidencePacks,
      ContactHistory contacts, CaseNotes notes, Complaints complaints, BusinessClock clock, PlatformTransactionManager tx) {
    this.period = period;
    this.jdbc = jdbc;
    this.cases = cases;
    this.archives = archives;
    this.communications = communications;
    this.evidencePacks = evidencePacks;
    this.contacts = contacts;
    this.notes = notes;
    this.complaints = complaints;
    this.clock = clock;
    this.perCase = new TransactionTemplate(tx);
  }

  /** Daily, at night in Shanghai; only where {@code collections.scheduling.enabled} (the default). */
  @Scheduled(cron = "${collections.retention.cron}", zone = "Asia/Shanghai")
  public void eraseScheduled() {
    eraseExpired();
  }

  /** Erases every case closed more than the retention period ago and not erased yet. @return cases erased */
  public int eraseExpired() {
    Instant now = clock.now();
    List<Long> due = jdbc.queryForList("select case_id from case_archive where erased_at is null and closed_at <= ? "
        + "order by closed_at", Long.class, Timestamp.from(now.minus(period)));
    int erased = 0;
    for (Long caseId : due) {
      try {
        // one case, one transaction: a failure leaves that case whole and the others erased
        if (Boolean.TRUE.equals(perCase.execute(s -> erase(caseId, now)))) {
          erased++;
        }
      } catch (RuntimeException e) {
        log.error("Personal data of case {} not erased; next run tries again", caseId, e);
      }
    }
    if (!due.isEmpty()) {
      log.info("Retention: personal data of {} closed cases erased ({} due)", erased, due.size());
    }
    return erased;
  }

  private boolean erase(long caseId, Instant now) {
    LoanCase c = cases.findById(caseId).orElseThrow();
    if (!archives.erase(caseId, now)) {
      return false;
    }
    communications.eraseContent(caseId);
    notes.eraseText(caseId);
    complaints.eraseText(caseId);
    evidencePacks.erase(caseId, now);
    contacts.erase(c.loanId(), cases.nextOpenedAfter(c).orElse(null));
    cases.erasePersonalData(caseId, now);
    log.info("Personal data of the case of loan {} (closed {}) erased after the retention period", c.loanId(),
        c.closedAt());
    return true;
  }
}
