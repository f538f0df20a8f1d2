package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Process tests that also call the application over HTTP: the real server on a random port, the real
 * security and database, with cases driven through the engine as in {@link ProcessTestSupport}. The
 * server serves this context's engine ({@link ServeThisContextsEngine}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "collections.scheduling.enabled=false"})
public abstract class ApiTestSupport extends ProcessTestSupport {

  @LocalServerPort protected int port;

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
        type -> assertThat(type).startsWith("application/problem+json"));
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

    private Browser() {}

    public HttpResponse<byte[]> get(String path) {
      return send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
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
