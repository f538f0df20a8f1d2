package com.carloan.overdue.record.note;

import static com.carloan.overdue.process.CaseVariables.CALL_NOTES;
import static com.carloan.overdue.process.CaseVariables.CONTACT_RESULT;
import static com.carloan.overdue.process.CaseVariables.LOAN_ID;
import static com.carloan.overdue.process.CaseVariables.NOTE_CHANNEL;
import static com.carloan.overdue.process.CaseVariables.NOTE_FEEDBACK;
import static com.carloan.overdue.process.CaseVariables.NOTE_NEXT_FOLLOW_UP;
import static com.carloan.overdue.process.CaseVariables.NOTE_PHONE_STATUS;
import static com.carloan.overdue.process.CaseVariables.NOTE_PROMISE_AMOUNT;
import static com.carloan.overdue.process.CaseVariables.NOTE_PROMISE_DATE;
import static com.carloan.overdue.process.CaseVariables.NOTE_REACHED;
import static com.carloan.overdue.process.CaseVariables.NOTE_TEXT;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.intake.LoanCase;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.payment.Payments;
import com.carloan.overdue.process.TaskActors;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code callBorrower} and {@code followUpPromise}: what the form says about the contact
 * becomes a note of the collection record (CONTRACT §5) under the same rules as {@code POST .../notes}, and a
 * note that breaks them refuses the completion. A call completed with only its contract variables
 * ({@code contactResult}, {@code callNotes}) still leaves a note, its answers read from the call's result. The
 * note's variables are removed again: the record holds them, the case does not.
 */
@Component("recordCollectionNote")
class RecordCollectionNote implements TaskListener {

  static final List<String> NOTE_VARIABLES = List.of(NOTE_CHANNEL, NOTE_REACHED, NOTE_PHONE_STATUS, NOTE_FEEDBACK,
      NOTE_TEXT, NOTE_PROMISE_AMOUNT, NOTE_PROMISE_DATE, NOTE_NEXT_FOLLOW_UP);

  /** What a call's result says of the call when the form does not: who answered, and what they said. */
  private static final Map<String, String[]> CALL_RESULT_DEFAULTS = Map.of(
      "AGREED_TO_ADD", new String[] {"BORROWER", "ANSWERED", "NEGOTIATING"},
      "REFUSED", new String[] {"BORROWER", "ANSWERED", "REFUSED"},
      "NOT_REACHED", new String[] {"NOBODY", "NO_ANSWER", "UNREACHABLE"});

  private final LoanCases cases;
  private final CaseNotes notes;
  private final Payments payments;
  private final BusinessClock clock;

  RecordCollectionNote(LoanCases cases, CaseNotes notes, Payments payments, BusinessClock clock) {
    this.cases = cases;
    this.notes = notes;
    this.payments = payments;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    NoteRules.Draft draft = "callBorrower".equals(task.getTaskDefinitionKey()) ? callDraft(task, errors)
        : draft(task, text(task, NOTE_CHANNEL), text(task, NOTE_REACHED), text(task, NOTE_PHONE_STATUS),
            text(task, NOTE_FEEDBACK), text(task, NOTE_TEXT), errors);
    LoanCase c = cases.requireActive((String) task.getVariable(LOAN_ID));
    errors.addAll(NoteRules.problems(draft, clock.today(), clock.now(), payments.leftToPay(c)));
    if (!errors.isEmpty()) {
      throw new BadUserRequestException(task.getName() + ": " + errors.stream()
          .map(e -> variableOf(e.field()) + " " + e.message()).collect(Collectors.joining("; ")));
    }
    String by = TaskActors.completingUser(task);
    notes.record(c, NoteRules.checked(draft), by == null ? "unknown" : by);
    NOTE_VARIABLES.forEach(task::removeVariable);
  }

  private NoteRules.Draft callDraft(DelegateTask task, List<FieldError> errors) {
    String[] defaults = CALL_RESULT_DEFAULTS.getOrDefault(String.valueOf(task.getVariable(CONTACT_RESULT)),
        CALL_RESULT_DEFAULTS.get("NOT_REACHED"));
    String text = text(task, NOTE_TEXT) != null ? text(task, NOTE_TEXT) : text(task, CALL_NOTES);
    return draft(task, "PHONE", or(text(task, NOTE_REACHED), defaults[0]), or(text(task, NOTE_PHONE_STATUS), defaults[1]),
        or(text(task, NOTE_FEEDBACK), defaults[2]), text, errors);
  }

  private static NoteRules.Draft draft(DelegateTask task, String channel, String reached, String phoneStatus,
      String feedback, String text, List<FieldError> errors) {
    BigDecimal amount = amount(task.getVariable(NOTE_PROMISE_AMOUNT), errors);
    LocalDate date = date(task.getVariable(NOTE_PROMISE_DATE), errors);
    boolean hasPromise = task.getVariable(NOTE_PROMISE_AMOUNT) != null || task.getVariable(NOTE_PROMISE_DATE) != null;
    return new NoteRules.Draft(channel, reached, "PHONE".equals(channel) ? phoneStatus : null, feedback, text, amount,
        date, hasPromise, followUp(task.getVariable(NOTE_NEXT_FOLLOW_UP), errors));
  }

  // Tasklist submits numbers untyped: whole amounts come as Integer, others as Double.
  private static BigDecimal amount(Object value, List<FieldError> errors) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      errors.add(new FieldError("promise.amount", "must be a decimal number"));
      return null;
    }
  }

  private static LocalDate date(Object value, List<FieldError> errors) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.toString().strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("promise.date", "must be a date, yyyy-MM-dd"));
      return null;
    }
  }

  /** With an offset, or without one as Asia/Shanghai time (a Tasklist date-time field without a zone). */
  private static Instant followUp(Object value, List<FieldError> errors) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(BusinessClock.ZONE).toInstant();
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("nextFollowUp", "must be a date-time, such as 2026-12-05T10:00:00+08:00"));
        return null;
      }
    }
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  private static String or(String value, String otherwise) {
    return value != null ? value : otherwise;
  }

  /** The form's variable for a field of the note's API body, so the refusal names what the worker sees. */
  private static String variableOf(String field) {
    return switch (field) {
      case "channel" -> NOTE_CHANNEL;
      case "reached" -> NOTE_REACHED;
      case "phoneStatus" -> NOTE_PHONE_STATUS;
      case "feedback" -> NOTE_FEEDBACK;
      case "text" -> NOTE_TEXT;
      case "promise", "promise.amount" -> NOTE_PROMISE_AMOUNT;
      case "promise.date" -> NOTE_PROMISE_DATE;
      case "nextFollowUp" -> NOTE_NEXT_FOLLOW_UP;
      default -> field;
    };
  }
}
