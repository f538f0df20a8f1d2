package com.carloan.overdue.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every failure of an {@code /api} request becomes {@code application/problem+json} with
 * {@code errors:[{field, message}]} (CONTRACT §2): refused requests, unreadable bodies, wrong content
 * types, oversized bodies, and anything unexpected, which is logged with the loan id and answered
 * without internals. Requests outside {@code /api} (webapps, actuator) are left to Spring's own
 * handling: each handler re-throws for them, which makes Spring try its other resolvers. Every body
 * comes from {@link Problems}.
 *
 * <p>Ordered first, so that no catch-all advice of another package turns a denial into a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionAdvice {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionAdvice.class);
  /** About one import batch's commit on H2. */
  static final int LOCK_RETRY_AFTER_SECONDS = 2;
  private static final List<Class<? extends Throwable>> LOCK_WAIT_RAN_OUT = List.of(
      PessimisticLockingFailureException.class, QueryTimeoutException.class, SQLTimeoutException.class,
      SQLTransactionRollbackException.class);

  @ExceptionHandler(RequestRejected.class)
  ResponseEntity<Object> rejected(RequestRejected ex, HttpServletRequest request) throws RequestRejected {
    onlyApi(ex, request);
    if (ex.status().is5xxServerError()) {
      logUnexpected(ex, request);
    }
    return problem(ex.status(), ex.getMessage(), ex.errors(), request);
  }

  /**
   * A {@code @Secured} denial, or a sign-in that failed: Spring Security's entry point and access-denied
   * handler ({@code identity.ProblemResponses}) answer these for every path, with the same body.
   */
  @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
  void security(RuntimeException ex) {
    throw ex;
  }

  @ExceptionHandler(BodyTooLarge.class)
  ResponseEntity<Object> tooLarge(BodyTooLarge ex, HttpServletRequest request) throws BodyTooLarge {
    onlyApi(ex, request);
    return tooLarge(ex.limitBytes(), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request)
      throws HttpMessageNotReadableException {
    onlyApi(ex, request);
    BodyTooLarge large = cause(ex, BodyTooLarge.class);
    if (large != null) {
      return tooLarge(large.limitBytes(), request);
    }
    JsonProcessingException json = cause(ex, JsonProcessingException.class);
    if (json != null) {
      return jsonProblem(json, request);
    }
    if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
      return invalid(new FieldError("body", "is required"), request);
    }
    return invalid(new FieldError("body", "could not be read"), request);
  }

  /** A body the controller parsed itself (see {@link JsonBody}) and found malformed. */
  @ExceptionHandler(JsonProcessingException.class)
  ResponseEntity<Object> malformed(JsonProcessingException ex, HttpServletRequest request) throws JsonProcessingException {
    onlyApi(ex, request);
    return jsonProblem(ex, request);
  }

  @ExceptionHandler(TypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(TypeMismatchException ex, HttpServletRequest request) throws TypeMismatchException {
    onlyApi(ex, request);
    String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    Class<?> type = ex.getRequiredType();
    String message = type != null && type.isEnum()
        ? "must be one of " + enumValues(type)
        : "must be a " + (type == null ? "value of another type" : type.getSimpleName());
    return invalid(new FieldError(field, message), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> any(Exception ex, HttpServletRequest request) throws Exception {
    onlyApi(ex, request);
    if (ex instanceof ErrorResponse known) {
      HttpStatusCode status = known.getStatusCode();
      if (status.is5xxServerError()) {
        logUnexpected(ex, request);
      }
      String detail = known.getBody().getDetail();
      return Problems.entity(Problems.of(status, detail == null ? defaultDetail(status) : detail, errorsOf(ex),
          request), known.getHeaders());
    }
    Throwable lockWait = lockWaitRanOut(ex);
    if (lockWait != null) {
      log.warn("{} {}: a lock wait ran out, answered 503: {}", request.getMethod(), request.getRequestURI(),
          String.valueOf(lockWait.getMessage()).lines().findFirst().orElse(""));
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(LOCK_RETRY_AFTER_SECONDS));
      return Problems.entity(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Another change to the same records"
          + " (an allocation to the case's team, or a change to the same case) held them longer than this request"
          + " could wait; the request's transaction was rolled back. Send it again.", List.of(), request), headers);
    }
    logUnexpected(ex, request);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR,
        "The request could not be completed because of an unexpected error; it has been logged.", List.of(), request);
  }

  /**
   * The lock wait that ran out, among the failure and its causes, or null: the database gave up waiting for
   * rows another transaction held (H2's lock timeout, PostgreSQL's {@code lock_timeout} or a deadlock it broke).
   * Allocation locks a team's row until the batch that allocates to it commits, so an intake of the team can
   * wait behind a CSV import's batch; nothing is wrong with the request, and the same request later succeeds.
   */
  static Throwable lockWaitRanOut(Throwable failure) {
    return LOCK_WAIT_RAN_OUT.stream().<Throwable>map(type -> cause(failure, type)).filter(Objects::nonNull)
        .findFirst().orElse(null);
  }

  /** Never echoes the body: it may hold a phone or ID number. */
  private static ResponseEntity<Object> jsonProblem(JsonProcessingException ex, HttpServletRequest request) {
    if (ex instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return invalid(new FieldError(path(mapping), typeMessage(mapping)), request);
    }
    JsonLocation at = ex.getLocation();
    String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return invalid(new FieldError("body", "is not well-formed JSON" + where), request);
  }

  private static List<FieldError> errorsOf(Exception ex) {
    if (ex instanceof MissingServletRequestParameterException missing) {
      return List.of(new FieldError(missing.getParameterName(), "is required"));
    }
    if (ex instanceof HttpMediaTypeNotSupportedException media && !media.getSupportedMediaTypes().isEmpty()) {
      return List.of(new FieldError("Content-Type", "must be " + media.getSupportedMediaTypes().stream()
          .map(Object::toString).collect(Collectors.joining(" or "))));
    }
    return List.of();
  }

  private static String defaultDetail(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
  }

  private static ResponseEntity<Object> tooLarge(long limit, HttpServletRequest request) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, RequestSizeLimit.tooLarge(limit),
        List.of(new FieldError("body", "must be at most " + limit + " bytes")), request);
  }

  private static ResponseEntity<Object> invalid(FieldError error, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", List.of(error), request);
  }

  private static ResponseEntity<Object> problem(HttpStatusCode status, String detail, List<FieldError> errors,
      HttpServletRequest request) {
    return Problems.entity(Problems.of(status, detail, errors, request), null);
  }

  /** Stack trace into the log with the loan id of the path; the client learns nothing of it. */
  private static void logUnexpected(Exception ex, HttpServletRequest request) {
    Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    Object loanId = vars instanceof Map<?, ?> map ? map.get("loanId") : null;
    log.error("Unexpected error on {} {} (loan {})", request.getMethod(), request.getRequestURI(),
        loanId == null ? "-" : loanId, ex);
  }

  private static <E extends Exception> void onlyApi(E ex, HttpServletRequest request) throws E {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      throw ex;
    }
  }

  private static String path(JsonMappingException ex) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : ex.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String typeMessage(JsonMappingException ex) {
    if (ex instanceof InvalidFormatException format && format.getTargetType() != null) {
      Class<?> type = format.getTargetType();
      return type.isEnum() ? "must be one of " + enumValues(type) : "must be a " + type.getSimpleName();
    }
    return "has the wrong type";
  }

  private static String enumValues(Class<?> type) {
    return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
  }

  private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
