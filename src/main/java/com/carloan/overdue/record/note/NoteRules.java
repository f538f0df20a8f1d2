package com.carloan.overdue.record.note;

import com.carloan.overdue.api.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a collection note (催记, CONTRACT §5) must say, without an engine or a database: every rule that
 * fails is reported, so the agent fixes the note once. A note may carry a promise to pay only when the
 * borrower promised, and must then; the promise falls in the next {@value #PROMISE_WINDOW_DAYS} days
 * and asks for no more than is left to pay.
 */
public final class NoteRules {

  public enum Channel { PHONE, SMS, WECHAT, VISIT }

  public enum Reached { BORROWER, OTHER_PERSON, NOBODY }

  public enum PhoneStatus { ANSWERED, NO_ANSWER, BUSY, POWERED_OFF, SUSPENDED, INVALID_NUMBER }

  public enum Feedback { PROMISE_TO_PAY, NEGOTIATING, HARDSHIP, DISPUTE, REFUSED, ALREADY_PAID, UNREACHABLE }

  /** The note as given, values still unchecked (null where absent or of the wrong type). */
  public record Draft(String channel, String reached, String phoneStatus, String feedback, String text,
      BigDecimal promiseAmount, LocalDate promiseDate, boolean hasPromise, Instant nextFollowUp) {
  }

  /** A note that passed every rule. */
  public record Checked(Channel channel, Reached reached, PhoneStatus phoneStatus, Feedback feedback, String text,
      BigDecimal promiseAmount, LocalDate promiseDate, Instant nextFollowUp) {

    public boolean hasPromise() {
      return promiseAmount != null;
    }
  }

  static final int PROMISE_WINDOW_DAYS = 30;
  static final int MAX_TEXT = 2000;
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");

  private NoteRules() {}

  /**
   * @param today the business day (Asia/Shanghai) the note is recorded on
   * @param now the business clock's instant: a follow-up lies after it
   * @param leftToPay what the case still owes: a promise cannot ask for more
   * @return every problem, as fields of the API's body; empty when the note may be recorded
   */
  public static List<FieldError> problems(Draft d, LocalDate today, Instant now, BigDecimal leftToPay) {
    List<FieldError> errors = new ArrayList<>();
    Channel channel = oneOf(Channel.class, "channel", d.channel(), true, errors);
    Reached reached = oneOf(Reached.class, "reached", d.reached(), true, errors);
    Feedback feedback = oneOf(Feedback.class, "feedback", d.feedback(), true, errors);
    PhoneStatus phone = oneOf(PhoneStatus.class, "phoneStatus", d.phoneStatus(), false, errors);
    if (channel == Channel.PHONE && d.phoneStatus() == null) {
      errors.add(new FieldError("phoneStatus", "is required for a PHONE note: how the phone behaved"));
    } else if (channel != null && channel != Channel.PHONE && d.phoneStatus() != null) {
      errors.add(new FieldError("phoneStatus", "is only for PHONE notes"));
    }
    if (phone != null && phone != PhoneStatus.ANSWERED && reached != null && reached != Reached.NOBODY) {
      errors.add(new FieldError("reached", "must be NOBODY when the phone was not answered (" + phone + ")"));
    }
    if (reached == Reached.NOBODY && feedback != null && feedback != Feedback.UNREACHABLE) {
      errors.add(new FieldError("feedback", "must be UNREACHABLE when nobody was reached"));
    }
    if (d.text() != null) {
      if (d.text().length() > MAX_TEXT) {
        errors.add(new FieldError("text", "must be at most " + MAX_TEXT + " characters"));
      } else if (EXPRESSION.matcher(d.text()).find()) {
        errors.add(new FieldError("text", "must not contain expression syntax such as ${ or #{"));
      }
    }
    if (feedback == Feedback.PROMISE_TO_PAY && !d.hasPromise()) {
      errors.add(new FieldError("promise", "is required when the feedback is PROMISE_TO_PAY"));
    } else if (feedback != null && feedback != Feedback.PROMISE_TO_PAY && d.hasPromise()) {
      errors.add(new FieldError("promise", "is only for PROMISE_TO_PAY notes"));
    } else if (d.hasPromise()) {
      promiseProblems(d, today, leftToPay, errors);
    }
    if (d.nextFollowUp() != null && !d.nextFollowUp().isAfter(now)) {
      errors.add(new FieldError("nextFollowUp", "must lie in the future"));
    }
    return errors;
  }

  /** The draft as a checked note; call only when {@link #problems} found none. */
  public static Checked checked(Draft d) {
    return new Checked(Channel.valueOf(d.channel()), Reached.valueOf(d.reached()),
        d.phoneStatus() == null ? null : PhoneStatus.valueOf(d.phoneStatus()), Feedback.valueOf(d.feedback()),
        d.text() == null || d.text().isBlank() ? null : d.text().strip(), d.hasPromise() ? d.promiseAmount() : null,
        d.hasPromise() ? d.promiseDate() : null, d.nextFollowUp());
  }

  private static void promiseProblems(Draft d, LocalDate today, BigDecimal leftToPay, List<FieldError> errors) {
    BigDecimal amount = d.promiseAmount();
    if (amount == null) {
      errors.add(new FieldError("promise.amount", "is required, a decimal number"));
    } else if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
      errors.add(new FieldError("promise.amount", "must be greater than 0 with at most 2 decimals"));
    } else if (amount.compareTo(leftToPay) > 0) {
      errors.add(new FieldError("promise.amount", "must be at most what is left to pay, " + leftToPay.toPlainString()));
    }
    LocalDate date = d.promiseDate();
    if (date == null) {
      errors.add(new FieldError("promise.date", "is required, yyyy-MM-dd"));
    } else if (date.isBefore(today) || date.isAfter(today.plusDays(PROMISE_WINDOW_DAYS))) {
      errors.add(new FieldError("promise.date", "must lie within the next " + PROMISE_WINDOW_DAYS + " days, "
          + today + " to " + today.plusDays(PROMISE_WINDOW_DAYS)));
    }
  }

  private static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value, boolean required,
      List<FieldError> errors) {
    if (value == null) {
      if (required) {
        errors.add(new FieldError(field, "is required, one of " + names(type)));
      }
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    errors.add(new FieldError(field, "must be one of " + names(type)));
    return null;
  }

  private static String names(Class<? extends Enum<?>> type) {
    return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
  }
}
