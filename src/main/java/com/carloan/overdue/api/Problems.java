package com.carloan.overdue.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The one error shape of {@code /api} (CONTRACT §2): {@code application/problem+json} with every reason in {@code errors}. */
public final class Problems {

  private Problems() {}

  public static Map<String, Object> body(HttpStatusCode status, String detail, List<FieldError> errors, HttpServletRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title(status));
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", request.getRequestURI());
    body.put("errors", errors);
    return body;
  }

  static ResponseEntity<Object> response(HttpStatusCode status, String detail, List<FieldError> errors,
      HttpServletRequest request, HttpHeaders headers) {
    HttpHeaders all = new HttpHeaders();
    if (headers != null) {
      all.addAll(headers);
    }
    all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(status).headers(all).body(body(status, detail, errors, request));
  }

  static ResponseEntity<Object> response(HttpStatusCode status, String detail, List<FieldError> errors,
      HttpServletRequest request) {
    return response(status, detail, errors, request, null);
  }

  private static String title(HttpStatusCode status) {
    var known = org.springframework.http.HttpStatus.resolve(status.value());
    return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
  }
}
