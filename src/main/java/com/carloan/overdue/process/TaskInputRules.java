package com.carloan.overdue.process;

import static com.carloan.overdue.process.CaseVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What each user task must be completed with (CONTRACT §1). Forms validate in the browser; these rules
 * hold for every client, Tasklist or REST, so a gateway never sees a value it has no path for.
 */
public final class TaskInputRules {

  static final int MAX_NOTE = 2000;
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");

  private sealed interface Rule permits OneOf, YesNo, Amount, Note {}

  private record OneOf(Set<String> values) implements Rule {}

  private record YesNo() implements Rule {}

  private record Amount() implements Rule {}

  private record Note() implements Rule {}

  private static final Map<String, Map<String, Rule>> RULES = Map.of(
      "reviewAssessment", Map.of(STRATEGY, new OneOf(Set.of("REMINDER", "WECHAT_CONTACT", "ESCALATE")),
          REVIEW_NOTES, new Note()),
      "callBorrower", Map.of(CONTACT_RESULT, new OneOf(Set.of("AGREED_TO_ADD", "REFUSED", "NOT_REACHED")),
          CALL_NOTES, new Note()),
      "verifyBorrower", Map.of(IDENTITY_VERIFIED, new YesNo(),
          OVERDUE_REASON, new OneOf(Set.of("ECONOMIC_HARDSHIP", "OPERATIONAL_SLIP", "WILLFUL_DEFAULT", "OTHER")),
          WILLING_TO_REPAY, new YesNo(), VERIFICATION_NOTES, new Note()),
      "negotiatePlan", Map.of(NEGOTIATION_OUTCOME, new OneOf(Set.of("AGREED", "FAILED")), NEGOTIATION_NOTES, new Note()),
      "approvePlan", Map.of(PLAN_APPROVED, new YesNo(), APPROVAL_COMMENT, new Note()),
      "reviewEscalation", Map.of(ESCALATION_ACTION,
          new OneOf(Set.of("LEGAL_ACTION", "VEHICLE_REPOSSESSION", "RETURN_TO_NEGOTIATION", "WRITE_OFF")),
          ESCALATION_NOTES, new Note()),
      "handleLitigation", Map.of(LITIGATION_RESULT,
          new OneOf(Set.of("JUDGMENT_ENFORCED", "SETTLED_IN_COURT", "UNRECOVERABLE")), RECOVERED_AMOUNT, new Amount(),
          LITIGATION_NOTES, new Note()),
      "repossessVehicle", Map.of(REPOSSESSION_RESULT, new OneOf(Set.of("RECOVERED_AND_SOLD", "NOT_FOUND")),
          RECOVERED_AMOUNT, new Amount(), REPOSSESSION_NOTES, new Note()));

  private TaskInputRules() {}

  /** The variables a task decides; cleared when the task opens, so a second round never reuses the first's answer. */
  public static Set<String> decisions(String taskKey) {
    Map<String, Rule> rules = RULES.getOrDefault(taskKey, Map.of());
    Set<String> names = new java.util.TreeSet<>();
    rules.forEach((name, rule) -> {
      if (!(rule instanceof Note)) {
        names.add(name);
      }
    });
    if ("callBorrower".equals(taskKey)) {
      names.add(CALL_NOTES); // holds the previous round's pointer to its encrypted note
    }
    return names;
  }

  /** @return every problem with the values a task is being completed with; empty when they are fine */
  public static List<String> problems(String taskKey, Function<String, Object> variables) {
    List<String> problems = new ArrayList<>();
    RULES.getOrDefault(taskKey, Map.of()).entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      String name = e.getKey();
      Object value = variables.apply(name);
      switch (e.getValue()) {
        case OneOf one -> {
          if (value == null || !one.values().contains(value.toString())) {
            problems.add(name + " must be one of " + String.join(", ", new java.util.TreeSet<>(one.values())));
          }
        }
        case YesNo yn -> {
          if (!(value instanceof Boolean)) {
            problems.add(name + " must be true or false");
          }
        }
        case Amount a -> {
          if (!(value instanceof Number n) || n.doubleValue() < 0 || Double.isNaN(n.doubleValue())
              || Double.isInfinite(n.doubleValue())) {
            problems.add(name + " must be an amount of 0 or more");
          }
        }
        case Note n -> {
          if (value != null && !(value instanceof String)) {
            problems.add(name + " must be text");
          } else if (value != null && ((String) value).length() > MAX_NOTE) {
            problems.add(name + " must be at most " + MAX_NOTE + " characters");
          } else if (value != null && EXPRESSION.matcher((String) value).find()) {
            problems.add(name + " must not contain expression syntax such as ${ or #{");
          }
        }
      }
    });
    return problems;
  }
}
