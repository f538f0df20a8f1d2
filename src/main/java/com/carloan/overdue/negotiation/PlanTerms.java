package com.carloan.overdue.negotiation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The terms an agent agreed with the borrower, and the schedule they make:
 * FULL_PAYMENT is one payment on the first due date; DEFERRAL is one payment {@code deferralDays}
 * after it; INSTALLMENTS are monthly payments from the first due date, equal to the cent, the rounding
 * remainder on the last one.
 */
public record PlanTerms(PlanType type, int installmentCount, int deferralDays, LocalDate firstDueDate) {

  public static final int MAX_INSTALLMENTS = 24;
  public static final int MAX_DEFERRAL_DAYS = 90;

  /**
   * Reads the terms as Tasklist or the REST API submit them (numbers may arrive as Integer, Long or
   * Double, dates as yyyy-MM-dd).
   *
   * @throws InvalidPlanException naming every problem
   */
  public static PlanTerms parse(Object planType, Object installmentCount, Object deferralDays, Object firstDueDate,
      LocalDate today) {
    List<String> problems = new ArrayList<>();
    PlanType type = null;
    try {
      type = planType == null ? null : PlanType.valueOf(planType.toString());
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (type == null) {
      problems.add("planType must be one of FULL_PAYMENT, DEFERRAL, INSTALLMENTS");
    }
    Integer count = wholeNumber(installmentCount);
    Integer days = wholeNumber(deferralDays);
    if (type == PlanType.INSTALLMENTS && (count == null || count < 1 || count > MAX_INSTALLMENTS)) {
      problems.add("installmentCount must be a whole number from 1 to " + MAX_INSTALLMENTS);
    }
    if (type == PlanType.DEFERRAL && (days == null || days < 0 || days > MAX_DEFERRAL_DAYS)) {
      problems.add("deferralDays must be a whole number from 0 to " + MAX_DEFERRAL_DAYS);
    }
    LocalDate first = null;
    try {
      first = firstDueDate == null ? null : LocalDate.parse(firstDueDate.toString());
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (first == null) {
      problems.add("firstDueDate must be a date in the form yyyy-MM-dd");
    } else if (first.isBefore(today)) {
      problems.add("firstDueDate must not be in the past");
    }
    if (!problems.isEmpty()) {
      throw new InvalidPlanException(problems);
    }
    return switch (type) {
      case FULL_PAYMENT -> new PlanTerms(type, 1, 0, first);
      case DEFERRAL -> new PlanTerms(type, 1, days, first);
      case INSTALLMENTS -> new PlanTerms(type, count, 0, first);
    };
  }

  public List<Installment> schedule(BigDecimal amount) {
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("Nothing left to schedule");
    }
    if (type != PlanType.INSTALLMENTS) {
      LocalDate due = type == PlanType.DEFERRAL ? firstDueDate.plusDays(deferralDays) : firstDueDate;
      return List.of(new Installment(1, due, amount.setScale(2, RoundingMode.HALF_UP)));
    }
    BigDecimal each = amount.divide(BigDecimal.valueOf(installmentCount), 2, RoundingMode.DOWN);
    List<Installment> schedule = new ArrayList<>();
    for (int i = 1; i <= installmentCount; i++) {
      BigDecimal value = i < installmentCount ? each
          : amount.subtract(each.multiply(BigDecimal.valueOf(installmentCount - 1))).setScale(2, RoundingMode.HALF_UP);
      schedule.add(new Installment(i, firstDueDate.plusMonths(i - 1), value));
    }
    return schedule;
  }

  private static Integer wholeNumber(Object value) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE ? (int) d : null;
    }
    if (value instanceof String s && !s.isBlank()) {
      try {
        return Integer.valueOf(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
