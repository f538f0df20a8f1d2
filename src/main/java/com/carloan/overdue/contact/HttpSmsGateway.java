package com.carloan.overdue.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * An SMS provider over HTTP ({@code collections.sms.provider=http}): one JSON POST per message to
 * {@code collections.sms.http.url}, the outbox reference as {@code Idempotency-Key}, so a resend after
 * a crash or a lost answer is not delivered twice. Anything but a 2xx answer is an exception, and the
 * outbox tries again later.
 */
@Component
@ConditionalOnProperty(name = "collections.sms.provider", havingValue = "http")
class HttpSmsGateway implements SmsGateway {

  private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);

  private final URI url;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient http;
  private final ObjectMapper json;

  HttpSmsGateway(@Value("${collections.sms.http.url:}") String url, @Value("${collections.sms.http.api-key:}") String apiKey,
      @Value("${collections.sms.http.connect-timeout:PT5S}") Duration connectTimeout,
      @Value("${collections.sms.http.timeout:PT10S}") Duration timeout, ObjectMapper json) {
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("collections.sms.provider=http needs collections.sms.http.url (COLLECTIONS_SMS_URL)");
    }
    this.url = URI.create(url);
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }

  @Override
  public void send(String reference, String loanId, String phone, String text) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Idempotency-Key", reference)
        .POST(HttpRequest.BodyPublishers.ofString(body(reference, phone, text), StandardCharsets.UTF_8));
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SmsNotSent("SMS provider unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmsNotSent("interrupted while sending", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new SmsNotSent("SMS provider answered HTTP " + response.statusCode() + ": " + abbreviate(response.body()), null);
    }
    log.info("SMS {} for loan {} accepted by the provider", reference, loanId);
  }

  private String body(String reference, String phone, String text) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("reference", reference);
    body.put("phone", phone);
    body.put("text", text);
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200);
  }

  /** The provider did not take the message; the outbox keeps it for another attempt. */
  static final class SmsNotSent extends RuntimeException {
    SmsNotSent(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
