package com.carloan.overdue.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The driver's HTTP client: what a browser, the loan system or Tasklist sends, with HTTP Basic as the
 * demo and benchmark users (password = user id). One client for all threads: it keeps connections open.
 */
final class BenchClient {

  static final String JSON = "application/json";
  static final String HAL_JSON = "application/hal+json";

  record Response(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  BenchClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  Response get(String user, String path) {
    return send(request(user, path).GET());
  }

  Response get(String user, String path, String accept) {
    return send(request(user, path).header("Accept", accept).GET());
  }

  Response post(String user, String path, String contentType, String accept, byte[] body) {
    return send(request(user, path).header("Content-Type", contentType).header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Response postJson(String user, String path, Object body) {
    return postJson(user, path, body, JSON);
  }

  Response postJson(String user, String path, Object body, String accept) {
    try {
      return post(user, path, JSON, accept, json.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Response put(String user, String path) {
    return send(request(user, path).PUT(HttpRequest.BodyPublishers.noBody()));
  }

  Response put(String user, String path, Object body) {
    try {
      return send(request(user, path).header("Content-Type", JSON).header("Accept", JSON)
          .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body of a 2xx answer as JSON; anything else stops the benchmark with what the server said. */
  JsonNode json(Response response, String what) {
    if (!response.ok()) {
      throw new IllegalStateException(what + ": HTTP " + response.status() + " " + abbreviate(response.body()));
    }
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(what + ": not JSON: " + abbreviate(response.body()), e);
    }
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofHours(1))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "…" : body;
  }
}
