package com.carloan.overdue.intake;

import java.math.BigDecimal;
import java.time.Instant;

/** One overdue case of one loan, as the application's own table keeps it. */
public record LoanCase(
    long id,
    String loanId,
    String processInstanceId,
    String borrowerName,
    String borrowerKey,
    String phoneCipher,
    String phoneMasked,
    String vehiclePlate,
    String vehicleStatus,
    BigDecimal overdueAmount,
    int daysPastDue,
    String wecomState,
    Instant creditNoticeAt,
    Instant openedAt,
    Instant closedAt,
    String caseOutcome,
    BigDecimal penaltyAmount,
    BigDecimal feeAmount,
    BigDecimal amountWaived) {

  public boolean isOpen() {
    return closedAt == null;
  }

  /** What the borrower owes (CONTRACT §5): overdue amount, penalty and fees, less the approved waivers. */
  public BigDecimal amountDue() {
    return overdueAmount.add(penaltyAmount).add(feeAmount).subtract(amountWaived);
  }
}
