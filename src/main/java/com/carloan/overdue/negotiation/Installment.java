package com.carloan.overdue.negotiation;

import java.math.BigDecimal;
import java.time.LocalDate;

public record Installment(int seq, LocalDate dueDate, BigDecimal amount) {}
