package com.carloan.overdue.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.process.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HTTP API tests: the real application on a random port, with the real security, database and
 * demo users, on an in-memory H2 and with the job executor off (a test runs a case's async steps
 * itself, as in {@link ProcessTestSupport}). Every API test class extends this without adding
 * configuration, so they share one context; the server serves this context's engine
 * (process.ServeThisContextsEngine).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "collections.scheduling.enabled=false",
    // the cases of every test class sharing this database stay open: no agent may fill up by accident
    "collections.allocation.capacity=1000000",
    "collections.demo-users=true"})
public abstract class ApiTestSupport extends ProcessTestSupport {

  protected static final String PROBLEM_JSON = "application/problem+json";

  @LocalServerPort protected int port;

  protected ApiClient api;

  @BeforeEach
  void newClient() {
    api = new ApiClient(port);
  }

  /** The contract's example intake for the loan: MEDIUM risk, WeChat contact. */
  protected ObjectNode intake(String loanId) {
    return ContractPayload.example(loanId);
  }

  /** Opens the case through the API as the loan system and runs its first async steps. @return the process instance id */
  protected String openCase(String loanId) {
    HttpResponse<String> response = api.postJson("loansys", "/api/cases", intake(loanId).toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String pi = body(response).get("processInstanceId").asText();
    executeJobs(pi);
    return pi;
  }

  /** The agent who owns the loan's open case now (CONTRACT §4); null while it waits in its team's pool. */
  protected String ownerOf(String loanId) {
    return jdbc.queryForObject("select owner from case_ownership where loan_id = ? and closed_at is null",
        String.class, loanId);
  }

  /** Executes the case's due jobs, and the ones they create. */
  protected void executeJobs(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  protected List<String> activeActivities(String processInstanceId) {
    return runtime.getActiveActivityIds(processInstanceId);
  }

  protected JsonNode body(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** The response is problem+json with the status, no internals, and these fields among its errors. */
  protected JsonNode assertProblem(HttpResponse<String> response, int status, String... fields) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith(PROBLEM_JSON));
    assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.", "SQL", "trace");
    JsonNode problem = body(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("errors").isArray()).isTrue();
    if (fields.length > 0) {
      assertThat(fields(problem)).contains(fields);
    }
    return problem;
  }

  protected static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.path("field").asText(null)));
    return fields;
  }

  protected int casesOf(String loanId) {
    return jdbc.queryForObject("select count(*) from loan_case where loan_id = ?", Integer.class, loanId);
  }

  protected long processInstancesOf(String loanId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(loanId).count();
  }

  // ---- raw bytes, for responses that need not be text (PDFs, refusals checked byte for byte)

  /** GET with HTTP Basic (password = user id, as the demo users have it); {@code user} null: anonymous. */
  protected HttpResponse<byte[]> get(String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return send(HttpClient.newHttpClient(), request.build());
  }

  protected JsonNode json(HttpResponse<byte[]> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  protected void assertProblem(HttpResponse<byte[]> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith(PROBLEM_JSON));
    assertThat(json(response).path("status").asInt()).isEqualTo(status);
  }

  /** A browser logged into Tasklist: it holds the webapps' session cookie and no Basic credentials. */
  protected Browser tasklistLogin(String user) {
    Browser browser = new Browser();
    HttpResponse<byte[]> page = browser.get("/camunda/app/tasklist/default/");
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<byte[]> login = send(browser.client, HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("X-XSRF-TOKEN", token)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8)))
        .build());
    assertThat(login.statusCode()).as("Tasklist login of %s", user).isEqualTo(200);
    // the login starts a new session, which has a token of its own
    browser.xsrfToken = browser.get("/camunda/app/tasklist/default/").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    return browser;
  }

  /** A browser without a session. */
  protected Browser browser() {
    return new Browser();
  }

  protected final class Browser {

    private final HttpClient client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    private String xsrfToken;

    private Browser() {}

    public HttpResponse<byte[]> get(String path) {
      return send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    /** A POST as the application's own page script sends it: the session cookie and {@code X-Requested-With}. */
    public HttpResponse<byte[]> postScripted(String path) {
      return send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("X-Requested-With", "XMLHttpRequest").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A POST as a form on another site would send it: the session cookie, nothing else. */
    public HttpResponse<byte[]> postForm(String path) {
      return send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("")).build());
    }

    /** A JSON POST as the webapps send it: the session cookie and the XSRF token of the login. */
    public HttpResponse<byte[]> postJson(String path, String json) {
      return send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrfToken)
          .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }
  }

  private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
