package com.carloan.overdue.payment;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.api.JsonBody;
import com.carloan.overdue.api.JsonFields;
import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.identity.GroupAuthority;
import com.carloan.overdue.intake.IntakeValidation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The loan system reports a payment (CONTRACT §2). */
@RestController
class PaymentController {

  private final Payments payments;
  private final JsonBody json;

  PaymentController(Payments payments, JsonBody json) {
    this.payments = payments;
    this.json = json;
  }

  // Money received is the loan system's to report: not even an administrator records a payment by hand,
  // which would bypass the loan system's reconciliation.
  @Secured(GroupAuthority.INTEGRATION)
  @PostMapping(path = "/api/cases/{loanId}/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
  PaymentStatus record(@PathVariable String loanId, InputStream body) throws IOException {
    JsonFields fields = JsonFields.of(json.read(body));
    PaymentReport report = new PaymentReport(fields.text("paymentId"), fields.decimal("amount"),
        fields.dateTime("paidAt"));
    List<FieldError> errors = new ArrayList<>();
    if (!IntakeValidation.isLoanId(loanId)) {
      // the payment is kept even without a case, so its loan id has to be one a case could have
      errors.add(new FieldError("loanId", "must be 1-30 characters of A-Z, a-z, 0-9, _ or -"));
    }
    errors.addAll(fields.withRuleErrors(Payments.validate(report)));
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    try {
      return payments.record(loanId, report);
    } catch (DuplicateKeyException sameIdAtTheSameMoment) {
      // The same paymentId sent twice at once: the other request stored it; now this one finds it.
      return payments.record(loanId, report);
    }
  }
}
