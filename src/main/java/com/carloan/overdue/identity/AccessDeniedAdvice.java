package com.carloan.overdue.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@code @Secured} and {@link CaseAccess} deny inside the controller, where a catch-all
 * {@code @ExceptionHandler(Exception.class)} elsewhere would turn the denial into a 500. Ordered
 * first so a denial is always 403 (or 401 when nobody is signed in).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessDeniedAdvice {

  private final CaseAccess access;

  AccessDeniedAdvice(CaseAccess access) {
    this.access = access;
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Map<String, Object>> denied(AccessDeniedException exception,
      HttpServletRequest request) {
    if (access.currentUserId() == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, ProblemResponses.BASIC_CHALLENGE)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
              ProblemResponses.UNAUTHORIZED_DETAIL, request));
    }
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemResponses.problem(HttpStatus.FORBIDDEN, ProblemResponses.FORBIDDEN_DETAIL,
            request));
  }
}
