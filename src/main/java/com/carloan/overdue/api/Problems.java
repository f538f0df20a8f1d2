package com.carloan.overdue.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one place that builds a refusal (CONTRACT §2): Spring's {@link ProblemDetail} with the request
 * path as {@code instance} and every reason in {@code errors}, sent as {@code application/problem+json}.
 * The API's advice answers with {@link #entity}; Spring Security's handlers and the filters, which run
 * outside Spring MVC, {@link #write} the same body with the application's {@link ObjectMapper}.
 */
@Component
public class Problems {

  private final ObjectMapper json;

  Problems(ObjectMapper json) {
    this.json = json;
  }

  /** {@code errors} empty where no field is to blame. */
  public static ProblemDetail of(HttpStatusCode status, String detail, List<FieldError> errors,
      HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(instance(request.getRequestURI()));
    problem.setProperty("errors", List.copyOf(errors));
    return problem;
  }

  static ResponseEntity<Object> entity(ProblemDetail problem, HttpHeaders headers) {
    HttpHeaders all = new HttpHeaders();
    if (headers != null) {
      all.addAll(headers);
    }
    // Set here rather than negotiated, so that a client accepting only text/csv still learns why.
    all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(problem.getStatus()).headers(all).body(problem);
  }

  /** For code outside Spring MVC; headers such as WWW-Authenticate are the caller's to set first. */
  public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), problem);
  }

  /** The path as the client sent it; a path that is no valid URI (Tomcat lets a few through) is quoted. */
  private static URI instance(String path) {
    try {
      return new URI(path);
    } catch (URISyntaxException notQuoted) {
      try {
        return new URI(null, null, path, null);
      } catch (URISyntaxException e) {
        return null;
      }
    }
  }
}
