package com.carloan.overdue.identity;

import com.carloan.overdue.api.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers 401 and 403 as {@code application/problem+json} in the API's error shape (CONTRACT §2),
 * never as Spring's HTML error page or an empty body.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String BASIC_CHALLENGE = "Basic realm=\"car-loan-overdue\", charset=\"UTF-8\"";
  static final String UNAUTHORIZED_DETAIL =
      "Send HTTP Basic credentials of a collections user.";
  static final String FORBIDDEN_DETAIL = "Your groups may not do this.";

  private final ObjectMapper json;

  ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
    write(response, problem(HttpStatus.UNAUTHORIZED, UNAUTHORIZED_DETAIL, request));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      AccessDeniedException exception) throws IOException {
    write(response, problem(HttpStatus.FORBIDDEN, FORBIDDEN_DETAIL, request));
  }

  /** A problem body; {@code errors} is empty because no field is to blame. */
  static Map<String, Object> problem(HttpStatus status, String detail, HttpServletRequest request) {
    return Problems.body(status, detail, List.of(), request);
  }

  private void write(HttpServletResponse response, Map<String, Object> body) throws IOException {
    response.setStatus((Integer) body.get("status"));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
