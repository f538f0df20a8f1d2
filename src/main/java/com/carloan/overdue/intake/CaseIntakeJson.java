package com.carloan.overdue.intake;

import com.carloan.overdue.api.JsonFields;
import com.carloan.overdue.api.RequestRejected;
import com.fasterxml.jackson.databind.JsonNode;

/** The body of {@code POST /api/cases} as a {@link CaseIntake}, with every type and rule error at once. */
final class CaseIntakeJson {

  private CaseIntakeJson() {}

  /** @throws RequestRejected 400 with every bad field */
  static CaseIntake read(JsonNode body) {
    JsonFields json = JsonFields.of(body);
    JsonFields borrower = json.object("borrower");
    JsonFields vehicle = json.object("vehicle");
    CaseIntake intake = new CaseIntake(
        json.text("loanId"),
        borrower == null ? null
            : new CaseIntake.Borrower(borrower.text("name"), borrower.text("phone"), borrower.text("idNumber")),
        vehicle == null ? null
            : new CaseIntake.Vehicle(vehicle.text("plate"), vehicle.text("vin"), vehicle.text("status")),
        json.decimal("overdueAmount"),
        json.decimal("outstandingPrincipal"),
        json.integer("daysPastDue"),
        json.integer("priorOverdueCount"),
        json.decimal("penaltyAmount"),
        json.decimal("feeAmount"));
    var errors = json.withRuleErrors(IntakeValidation.check(intake));
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    return intake;
  }
}
