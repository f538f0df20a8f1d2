package com.carloan.overdue.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@link RequestRejected} as {@code application/problem+json} with its {@code errors} (CONTRACT §2). */
@RestControllerAdvice
@Order(0)
class RequestRejectedAdvice {

  @ExceptionHandler(RequestRejected.class)
  ResponseEntity<Map<String, Object>> rejected(RequestRejected rejected, HttpServletRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", rejected.status().getReasonPhrase());
    body.put("status", rejected.status().value());
    body.put("detail", rejected.getMessage());
    body.put("instance", request.getRequestURI());
    body.put("errors", rejected.errors());
    return ResponseEntity.status(rejected.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
