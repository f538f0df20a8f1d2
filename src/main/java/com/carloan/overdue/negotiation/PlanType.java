package com.carloan.overdue.negotiation;

public enum PlanType {
  FULL_PAYMENT,
  DEFERRAL,
  INSTALLMENTS
}
