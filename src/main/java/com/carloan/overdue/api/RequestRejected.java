package com.carloan.overdue.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the application refuses as a whole, with every reason at once; the API answers it as a
 * problem ({@link Problems}). Nothing was changed.
 */
public class RequestRejected extends RuntimeException {

  private final HttpStatus status;
  private final transient List<FieldError> errors;

  public RequestRejected(HttpStatus status, String detail, List<FieldError> errors) {
    this(status, detail, errors, null);
  }

  /** With the failure behind it; a 5xx is logged with its stack trace, the client sees only the detail. */
  public RequestRejected(HttpStatus status, String detail, List<FieldError> errors, Throwable cause) {
    super(detail, cause);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public static RequestRejected invalid(List<FieldError> errors) {
    return new RequestRejected(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
  }

  /** The caller is signed in and may call this in general, but not here and now; the detail says why. */
  public static RequestRejected forbidden(String detail) {
    return new RequestRejected(HttpStatus.FORBIDDEN, detail, List.of());
  }

  public static RequestRejected notFound(String detail) {
    return new RequestRejected(HttpStatus.NOT_FOUND, detail, List.of());
  }

  public static RequestRejected conflict(String detail) {
    return new RequestRejected(HttpStatus.CONFLICT, detail, List.of());
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
