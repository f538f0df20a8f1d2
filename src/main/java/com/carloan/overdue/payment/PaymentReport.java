package com.carloan.overdue.payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A payment as the loan system reports it (CONTRACT §2). */
public record PaymentReport(String paymentId, BigDecimal amount, OffsetDateTime paidAt) {}
