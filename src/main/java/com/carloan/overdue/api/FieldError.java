package com.carloan.overdue.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One thing wrong with a request: the field (JSON path or CSV column), why, and the CSV row where there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Long row) {

  public FieldError(String field, String message) {
    this(field, message, null);
  }

  public FieldError atRow(long csvRow) {
    return new FieldError(field, message, csvRow);
  }
}
