package com.carloan.overdue.identity;

import com.carloan.overdue.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers 401 and 403 as {@code application/problem+json} in the API's error shape (CONTRACT §2),
 * never as Spring's HTML error page or an empty body. A 401 says which of three things happened: no
 * credentials, a wrong user or password, or an account the engine holds back after wrong passwords
 * (with Retry-After where the hold ends by itself).
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String BASIC_CHALLENGE = "Basic realm=\"car-loan-overdue\", charset=\"UTF-8\"";
  static final String UNAUTHORIZED_DETAIL =
      "Send HTTP Basic credentials of a collections user.";
  static final String FORBIDDEN_DETAIL = "Your groups may not do this.";

  private final Problems problems;

  ProblemResponses(Problems problems) {
    this.problems = problems;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
    String detail = UNAUTHORIZED_DETAIL;
    if (exception instanceof LoginRefused refused) {
      detail = refused.getMessage();
      refused.retryAfterSeconds().ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER,
          Long.toString(seconds)));
    }
    problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, detail, List.of(), request));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      AccessDeniedException exception) throws IOException {
    problems.write(response, Problems.of(HttpStatus.FORBIDDEN, FORBIDDEN_DETAIL, List.of(), request));
  }
}
