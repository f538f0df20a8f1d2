package com.carloan.overdue.intake;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.privacy.PhoneNumbers;
import com.carloan.overdue.privacy.ResidentIds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Every field rule of the intake contract, reporting all failures at once. */
public final class IntakeValidation {

  public static final Set<String> VEHICLE_STATUSES = Set.of("NORMAL", "GPS_OFFLINE", "MISSING");

  private static final Pattern LOAN_ID = Pattern.compile("[A-Za-z0-9_-]{1,30}");
  private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
  // Province abbreviation, issuing-authority letter, then 5 (ordinary) or 6 (new-energy) characters.
  private static final Pattern PLATE = Pattern.compile("[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{4,5}[A-Z0-9\\u4e00-\\u9fa5]");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");
  private static final int MAX_NAME_LENGTH = 50;

  private IntakeValidation() {}

  /** A loan id as the contract allows it (1-30 of A-Z, a-z, 0-9, _ and -), for ids in a path. */
  public static boolean isLoanId(String loanId) {
    return loanId != null && LOAN_ID.matcher(loanId).matches();
  }

  public static List<FieldError> check(CaseIntake in) {
    List<FieldError> errors = new ArrayList<>();
    if (!isLoanId(in.loanId())) {
      errors.add(new FieldError("loanId", "must be 1-30 characters of A-Z, a-z, 0-9, _ or -"));
    }
    CaseIntake.Borrower b = in.borrower();
    if (b == null) {
      errors.add(new FieldError("borrower", "is required"));
    } else {
      text(errors, "borrower.name", b.name(), MAX_NAME_LENGTH);
      if (!PhoneNumbers.isMainlandMobile(b.phone())) {
        errors.add(new FieldError("borrower.phone", "must be a mainland China mobile number (11 digits, 13x-19x)"));
      }
      if (!ResidentIds.isValid(b.idNumber())) {
        errors.add(new FieldError("borrower.idNumber", "must be an 18-character resident ID with a valid birth date and check digit"));
      }
    }
    CaseIntake.Vehicle v = in.vehicle();
    if (v == null) {
      errors.add(new FieldError("vehicle", "is required"));
    } else {
      if (v.plate() == null || !PLATE.matcher(v.plate()).matches()) {
        errors.add(new FieldError("vehicle.plate", "must be a mainland licence plate such as 京A12345"));
      }
      if (v.vin() == null || !VIN.matcher(v.vin()).matches()) {
        errors.add(new FieldError("vehicle.vin", "must be 17 characters of A-Z and 0-9 without I, O or Q"));
      }
      if (v.status() == null || !VEHICLE_STATUSES.contains(v.status())) {
        errors.add(new FieldError("vehicle.status", "must be one of NORMAL, GPS_OFFLINE, MISSING"));
      }
    }
    if (in.overdueAmount() == null || in.overdueAmount().signum() <= 0 || !money(in.overdueAmount())) {
      errors.add(new FieldError("overdueAmount", "must be greater than 0 with at most 2 decimals"));
    }
    if (in.outstandingPrincipal() != null && (in.outstandingPrincipal().signum() < 0 || !money(in.outstandingPrincipal()))) {
      errors.add(new FieldError("outstandingPrincipal", "must be 0 or more with at most 2 decimals"));
    }
    if (in.penaltyAmount() != null && (in.penaltyAmount().signum() < 0 || !money(in.penaltyAmount()))) {
      errors.add(new FieldError("penaltyAmount", "must be 0 or more with at most 2 decimals"));
    }
    if (in.feeAmount() != null && (in.feeAmount().signum() < 0 || !money(in.feeAmount()))) {
      errors.add(new FieldError("feeAmount", "must be 0 or more with at most 2 decimals"));
    }
    if (in.daysPastDue() == null || in.daysPastDue() < 1 || in.daysPastDue() > 3650) {
      errors.add(new FieldError("daysPastDue", "must be a whole number from 1 to 3650"));
    }
    if (in.priorOverdueCount() == null || in.priorOverdueCount() < 0) {
      errors.add(new FieldError("priorOverdueCount", "must be a whole number of 0 or more"));
    }
    return errors;
  }

  private static void text(List<FieldError> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    } else if (EXPRESSION.matcher(value).find()) {
      errors.add(new FieldError(field, "must not contain expression syntax such as ${ or #{"));
    } else if (value.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError(field, "must not contain control characters"));
    }
  }

  private static boolean money(BigDecimal amount) {
    return amount.stripTrailingZeros().scale() <= 2 && amount.compareTo(MAX_AMOUNT) <= 0;
  }
}
