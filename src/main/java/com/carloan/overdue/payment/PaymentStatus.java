package com.carloan.overdue.payment;

import java.math.BigDecimal;

public record PaymentStatus(BigDecimal amountDue, BigDecimal amountRepaid, boolean settled) {}
