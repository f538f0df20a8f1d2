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
    Integer priorOverdueCount) {

  public record Borrower(String name, String phone, String idNumber) {}

  public record Vehicle(String plate, String vin, String status) {}
}
