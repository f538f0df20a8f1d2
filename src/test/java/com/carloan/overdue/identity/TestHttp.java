package com.carloan.overdue.identity;

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

/** A small browser-like client: keeps cookies, sends Basic credentials only when asked. */
final class TestHttp {

  private final String baseUrl;
  private final HttpClient client = HttpClient.newBuilder()
      .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  TestHttp(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  HttpResponse<String> get(String path, String user, String password) {
    return send(request(path).header("Authorization", basic(user, password)).GET().build());
  }

  HttpResponse<String> postJson(String path, String user, String json) {
    return send(request(path).header("Authorization", basic(user, user))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  HttpResponse<String> postForm(String path, String xsrfToken, String... namesAndValues) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.append(form.isEmpty() ? "" : "&").append(namesAndValues[i]).append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return send(request(path).header("X-XSRF-TOKEN", xsrfToken)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
  }

  HttpResponse<String> postMultipart(String path, String user, String fileName, String content) {
    String boundary = "----identity-test-boundary";
    String body = part(boundary, "deployment-name", null, "identity-test")
        + part(boundary, "deployment-source", null, "Camunda Modeler")
        + part(boundary, "data", fileName, content)
        + "--" + boundary + "--\r\n";
    return send(request(path).header("Authorization", basic(user, user))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> delete(String path, String user) {
    return send(request(path).header("Authorization", basic(user, user)).DELETE().build());
  }

  private static String part(String boundary, String name, String fileName, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/xml")
        + "\r\n\r\n" + value + "\r\n";
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest request) {
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
