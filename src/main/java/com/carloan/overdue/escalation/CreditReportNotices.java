package com.carloan.overdue.escalation;

import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.contact.BorrowerContact;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The prior notice before negative information goes to the credit reference database
 * (征信业管理条例 Art. 15): sent once per case, however often the case escalates.
 */
@Service
public class CreditReportNotices {

  private static final Logger log = LoggerFactory.getLogger(CreditReportNotices.class);

  private final LoanCases cases;
  private final BorrowerContact contact;
  private final BusinessClock clock;

  CreditReportNotices(LoanCases cases, BorrowerContact contact, BusinessClock clock) {
    this.cases = cases;
    this.contact = contact;
    this.clock = clock;
  }

  /** @return true when the notice was sent now, false when the case had it already */
  public boolean notifyOnce(String loanId) {
    LoanCase c = cases.lockActive(loanId).orElseThrow(() -> new IllegalStateException("No active case for loan " + loanId));
    if (c.creditNoticeAt() != null) {
      log.info("Credit-report notice for loan {} was sent on {}; not again", loanId, c.creditNoticeAt());
      return false;
    }
    contact.sendCreditReportNotice(loanId);
    cases.markCreditNoticeSent(c.id(), clock.now());
    return true;
  }
}
