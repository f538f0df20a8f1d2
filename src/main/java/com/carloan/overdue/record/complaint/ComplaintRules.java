package com.carloan.overdue.record.complaint;

import com.carloan.overdue.api.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a complaint (投诉, CONTRACT §5) must say and how it is answered: where it came from, what it is about,
 * its content; handled within {@value #HANDLING_DAYS} days of receipt, its resolution one of the contract's.
 */
public final class ComplaintRules {

  public enum Channel { PHONE, WECHAT, LETTER, REGULATOR }

  public enum Category { CONDUCT, AMOUNT, PRIVACY, OTHER }

  public enum Resolution { UPHELD, REJECTED, RESOLVED }

  static final int HANDLING_DAYS = 15;
  static final int MAX_CONTENT = 4000;

  private ComplaintRules() {}

  public static List<FieldError> problems(String channel, String category, String content) {
    List<FieldError> errors = new ArrayList<>();
    oneOf(Channel.class, "channel", channel, errors);
    oneOf(Category.class, "category", category, errors);
    if (content == null || content.isBlank()) {
      errors.add(new FieldError("content", "is required: what the borrower complains about"));
    } else if (content.length() > MAX_CONTENT) {
      errors.add(new FieldError("content", "must be at most " + MAX_CONTENT + " characters"));
    }
    return errors;
  }

  /** The handling deadline: 15 days after receipt. */
  public static Instant dueAt(Instant receivedAt) {
    return receivedAt.plus(Duration.ofDays(HANDLING_DAYS));
  }

  /** An upheld complaint about the agent's conduct takes the case away from them. */
  public static boolean movesTheCase(Category category, Resolution resolution) {
    return category == Category.CONDUCT && resolution == Resolution.UPHELD;
  }

  private static <E extends Enum<E>> void oneOf(Class<E> type, String field, String value, List<FieldError> errors) {
    String names = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    if (value == null) {
      errors.add(new FieldError(field, "is required, one of " + names));
    } else if (Arrays.stream(type.getEnumConstants()).noneMatch(e -> e.name().equals(value))) {
      errors.add(new FieldError(field, "must be one of " + names));
    }
  }
}
