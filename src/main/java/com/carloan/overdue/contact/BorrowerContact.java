package com.carloan.overdue.contact;

import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import java.math.RoundingMode;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Every outbound contact with a borrower goes through here, so the conduct rules hold on every path:
 * only the borrower's own number, never in quiet hours, never over the daily cap, the company's WeCom only.
 */
@Service
public class BorrowerContact {

  private final LoanCases cases;
  private final ContactScheduler scheduler;
  private final Outbox outbox;
  private final WeComClient weCom;
  private final String lenderName;

  BorrowerContact(LoanCases cases, ContactScheduler scheduler, Outbox outbox, WeComClient weCom,
      @Value("${collections.lender-name}") String lenderName) {
    this.cases = cases;
    this.scheduler = scheduler;
    this.outbox = outbox;
    this.weCom = weCom;
    this.lenderName = lenderName;
  }

  /** @return when the reminder goes out */
  public Instant sendPaymentReminder(String loanId) {
    return sms(cases.requireActive(loanId), SmsTemplate.PAYMENT_REMINDER, null);
  }

  /** Creates the WeCom "contact me" entry for the case's state and texts the borrower its link and purpose. */
  /** @param ownerUserId the case's owner, whose WeCom account the borrower is asked to add; null while pooled */
  public Instant requestWeChatContact(String loanId, String ownerUserId) {
    LoanCase c = cases.requireActive(loanId);
    WeComClient.ContactWay way = weCom.createContactWay(loanId, c.wecomState(), ownerUserId);
    return sms(c, SmsTemplate.WECOM_REQUEST, way.url());
  }

  /** Counts the agent's call as an attempt. @return when the agent may call: the task's follow-up date */
  public Instant scheduleCall(String loanId) {
    return scheduler.reserve(cases.requireActive(loanId), Channel.CALL, "CALL_BORROWER");
  }

  public Instant sendAgreementConfirmation(String loanId, String planSummary) {
    return sms(cases.requireActive(loanId), SmsTemplate.AGREEMENT_CONFIRMATION, planSummary);
  }

  public Instant sendCreditReportNotice(String loanId) {
    return sms(cases.requireActive(loanId), SmsTemplate.CREDIT_REPORT_NOTICE, null);
  }

  private Instant sms(LoanCase c, SmsTemplate template, String detail) {
    Instant at = scheduler.reserve(c, Channel.SMS, template.name());
    String amount = c.amountDue().setScale(2, RoundingMode.HALF_UP).toPlainString();
    outbox.enqueue(c, template, template.render(lenderName, c.borrowerName(), c.loanId(), c.daysPastDue(), amount, detail), at);
    return at;
  }

}
