package com.carloan.overdue.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/** Calls the API as a given demo user (password = user id), or as nobody when the user is null. */
public final class ApiClient {

  private final String baseUrl;
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  ApiClient(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public HttpResponse<String> get(String user, String path) {
    return send(request(user, path).GET().build());
  }

  public HttpResponse<String> postJson(String user, String path, String json) {
    return post(user, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> postCsv(String user, String path, byte[] csv) {
    return post(user, path, "text/csv", csv);
  }

  /** A POST with the given content type (none when null) and body (empty when null). */
  public HttpResponse<String> post(String user, String path, String contentType, byte[] body) {
    HttpRequest.Builder request = request(user, path);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.POST(body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** A POST without Content-Length: the body is sent chunked, as it is produced. */
  public HttpResponse<String> postChunked(String user, String path, String contentType, Supplier<InputStream> body) {
    return send(request(user, path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofInputStream(body)).build());
  }

  public HttpResponse<String> send(String user, String method, String path) {
    return send(request(user, path).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  public HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
