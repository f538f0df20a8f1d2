package com.carloan.overdue.record.pause;

import com.carloan.overdue.api.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** What a pause (停催, CONTRACT §5) must say: why, from the contract's list, and an optional short note. */
public final class PauseRules {

  public enum Reason { COMPLAINT, DISPUTE, DECEASED, BANKRUPTCY, LEGAL_HOLD, OTHER }

  static final int MAX_NOTE = 500;
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");

  private PauseRules() {}

  public static List<FieldError> problems(String reason, String note) {
    List<FieldError> errors = new ArrayList<>();
    if (reason == null) {
      errors.add(new FieldError("reason", "is required, one of " + reasons()));
    } else if (Arrays.stream(Reason.values()).noneMatch(r -> r.name().equals(reason))) {
      errors.add(new FieldError("reason", "must be one of " + reasons()));
    }
    if (note != null && note.length() > MAX_NOTE) {
      errors.add(new FieldError("note", "must be at most " + MAX_NOTE + " characters"));
    } else if (note != null && EXPRESSION.matcher(note).find()) {
      errors.add(new FieldError("note", "must not contain expression syntax such as ${ or #{"));
    }
    return errors;
  }

  private static String reasons() {
    return String.join(", ", Arrays.stream(Reason.values()).map(Enum::name).toList());
  }
}
