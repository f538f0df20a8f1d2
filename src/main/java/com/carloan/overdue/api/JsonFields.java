package com.carloan.overdue.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of a JSON request body by hand, so that a wrong type in one field is reported
 * together with every other bad field (a data-binding library stops at the first). Absent and
 * {@code null} fields read as {@code null}; the rules about required fields stay with the caller.
 */
public final class JsonFields {

  private final JsonNode node;
  private final String prefix;
  private final List<FieldError> errors;

  private JsonFields(JsonNode node, String prefix, List<FieldError> errors) {
    this.node = node;
    this.prefix = prefix;
    this.errors = errors;
  }

  /** @throws RequestRejected 400 when the body is not a JSON object */
  public static JsonFields of(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw RequestRejected.invalid(List.of(new FieldError("body", "must be a JSON object")));
    }
    return new JsonFields(body, "", new ArrayList<>());
  }

  /** The nested object, or {@code null} when absent; a non-object is an error. Errors are shared with this reader. */
  public JsonFields object(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      error(name, "must be a JSON object");
      return null;
    }
    return new JsonFields(value, path(name) + ".", errors);
  }

  public String text(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      error(name, "must be a string");
      return null;
    }
    return value.textValue();
  }

  /** A JSON number, or a string holding a decimal number (as many loan systems send money). */
  public BigDecimal decimal(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.textValue().strip());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    error(name, "must be a decimal number");
    return null;
  }

  /** A whole JSON number within the range of an int; 15.0 counts as 15, 15.5 and "15" do not. */
  public Integer integer(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue();
      try {
        return number.stripTrailingZeros().intValueExact();
      } catch (ArithmeticException e) {
        // reported below
      }
    }
    error(name, "must be a whole number");
    return null;
  }

  /** An ISO-8601 date-time with offset, such as {@code 2026-11-29T10:00:00+08:00}. */
  public OffsetDateTime dateTime(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      try {
        return OffsetDateTime.parse(value.textValue());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    error(name, "must be an ISO-8601 date-time with offset, such as 2026-11-29T10:00:00+08:00");
    return null;
  }

  public Boolean bool(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      error(name, "must be true or false");
      return null;
    }
    return value.booleanValue();
  }

  /** A calendar date, {@code yyyy-MM-dd}. */
  public LocalDate date(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      try {
        return LocalDate.parse(value.textValue());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    error(name, "must be a date, yyyy-MM-dd");
    return null;
  }

  /** A JSON array of strings; any other element is an error. */
  public List<String> texts(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      error(name, "must be a list of strings");
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        error(name + "[" + i + "]", "must be a string");
        return null;
      }
      texts.add(value.get(i).textValue());
    }
    return texts;
  }

  /** The type errors found so far, by full path ({@code borrower.phone}). */
  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  /**
   * The type errors followed by the rule errors, leaving out rule errors about a field (or a field
   * inside an object) that already has a type error: one reason per field.
   */
  public List<FieldError> withRuleErrors(List<FieldError> ruleErrors) {
    List<FieldError> all = new ArrayList<>(errors);
    for (FieldError rule : ruleErrors) {
      boolean covered = errors.stream().anyMatch(t -> rule.field().equals(t.field())
          || rule.field().startsWith(t.field() + "."));
      if (!covered) {
        all.add(rule);
      }
    }
    return all;
  }

  private JsonNode value(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private void error(String name, String message) {
    errors.add(new FieldError(path(name), message));
  }

  private String path(String name) {
    return prefix + name;
  }
}
