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
          RECOVERED_AMOUNT, new Amount(), REPOSSESSION_NOTES, new Note()),
      "handleComplaint", Map.of(COMPLAINT_RESOLUTION, new OneOf(Set.of("UPHELD", "REJECTED", "RESOLVED")),
          COMPLAINT_RESPONSE, new Note()),
      "approveWaiver", Map.of(WAIVER_APPROVED, new YesNo(), WAIVER_COMMENT, new Note()));

  private TaskInputRules() {}

  /** The variables a task decides; cleared when the task opens, so a second round never reuses the first's answer. */
  public static Set<String> decisions(String taskKey) {
    if ("reviewAssessment".equals(taskKey)) {
      // Its decision variable is the assessment's own output (MANUAL_REVIEW), which the form replaces.
      return Set.of();
    }
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
      String problem = problem(name, e.getValue(), variables.apply(name));
      if (problem != null) {
        problems.add(problem);
      }
    });
    return problems;
  }

  private static String problem(String name, Rule rule, Object value) {
    if (rule instanceof OneOf one) {
      return value != null && one.values().contains(value.toString()) ? null
          : name + " must be one of " + String.join(", ", new java.util.TreeSet<>(one.values()));
    }
    if (rule instanceof YesNo) {
      return value instanceof Boolean ? null : name + " must be true or false";
    }
    if (rule instanceof Amount) {
      return value instanceof Number n && n.doubleValue() >= 0 && Double.isFinite(n.doubleValue()) ? null
          : name + " must be an amount of 0 or more";
    }
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      return name + " must be text";
    }
    if (text.length() > MAX_NOTE) {
      return name + " must be at most " + MAX_NOTE + " characters";
    }
    return EXPRESSION.matcher(text).find() ? name + " must not contain expression syntax such as ${ or #{" : null;
  }
}
