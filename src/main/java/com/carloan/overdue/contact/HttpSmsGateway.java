package com.carloan.overdue.contact;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * An SMS provider over HTTP ({@code collections.sms.provider=http}, built in {@link HttpAdapters}): one
 * JSON POST per message to {@code collections.sms.http.url}, the outbox reference as
 * {@code Idempotency-Key}, so a resend after a crash or a lost answer is not delivered twice. Anything
 * but a 2xx answer is an exception, and the outbox tries again later.
 */
class HttpSmsGateway implements SmsGateway {

  private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);
  private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

  private final RestClient rest;
  /** As configured, not a URI template: an already encoded URL is sent as it is. */
  private final URI url;
  private final String apiKey;

  HttpSmsGateway(RestClient rest, String url, String apiKey) {
    this.rest = rest;
    this.url = HttpAdapters.requiredUrl(url, "collections.sms.provider=http",
        "collections.sms.http.url (COLLECTIONS_SMS_URL)");
    this.apiKey = apiKey;
  }

  @Override
  public void send(String reference, String loanId, String phone, String text) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("reference", reference);
    body.put("phone", phone);
    body.put("text", text);
    try {
      rest.post().uri(url)
          .contentType(JSON_UTF8)
          .header("Idempotency-Key", reference)
          .headers(HttpAdapters.bearer(apiKey))
          .body(body)
          .retrieve()
          .onStatus(status -> !status.is2xxSuccessful(), (request, response) -> {
            throw new SmsNotSent("SMS provider answered HTTP " + response.getStatusCode().value() + ": "
                + abbreviate(text(response)), null);
          })
          .toBodilessEntity();
    } catch (ResourceAccessException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new SmsNotSent("SMS provider unreachable: " + cause.getClass().getSimpleName() + " " + cause.getMessage(), e);
    }
    log.info("SMS {} for loan {} accepted by the provider", reference, loanId);
  }

  private static String text(ClientHttpResponse response) throws IOException {
    return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
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
