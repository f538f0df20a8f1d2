package com.carloan.overdue.intake;

public record OpenedCase(String loanId, String processInstanceId) {}
