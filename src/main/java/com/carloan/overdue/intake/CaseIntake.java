package com.carloan.overdue.intake;

import java.math.BigDecimal;

/** A case as the loan system hands it over (CONTRACT §2, {@code POST /api/cases}). */
public record CaseIntake(
    String loanId,
    Borrower borrower,
    Vehicle vehicle,
    BigDecimal overdueAmount,
    BigDecimal outstandingPrincipal,
    Integer daysPastDue,
    Integer priorOverdueCount,
    BigDecimal penaltyAmount,
    BigDecimal feeAmount) {

  /** Without penalty and fees, which default to 0 (CONTRACT §5). */
  public CaseIntake(String loanId, Borrower borrower, Vehicle vehicle, BigDecimal overdueAmount,
      BigDecimal outstandingPrincipal, Integer daysPastDue, Integer priorOverdueCount) {
    this(loanId, borrower, vehicle, overdueAmount, outstandingPrincipal, daysPastDue, priorOverdueCount, null, null);
  }

  public BigDecimal penalty() {
    return penaltyAmount == null ? BigDecimal.ZERO : penaltyAmount;
  }

  public BigDecimal fee() {
    return feeAmount == null ? BigDecimal.ZERO : feeAmount;
  }

  /** What the borrower owes when the case opens: the overdue amount, penalty and fees. */
  public BigDecimal amountDue() {
    return overdueAmount.add(penalty()).add(fee());
  }

  public record Borrower(String name, String phone, String idNumber) {}

  public record Vehicle(String plate, String vin, String status) {}
}
