package com.carloan.overdue.contact;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The call centre's click-to-dial API ({@code collections.dialler.provider=http}, built in {@link HttpAdapters}):
 * one JSON POST per dial to {@code collections.dialler.http.url} with the agent and the callee, our reference as
 * {@code Idempotency-Key}; the answer names the call ({@code callId}). Anything else is {@link DialFailed}.
 */
class HttpDialler implements Dialler {

  private static final Logger log = LoggerFactory.getLogger(HttpDialler.class);
  private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

  private final RestClient rest;
  private final URI url;
  private final String apiKey;

  HttpDialler(RestClient rest, String url, String apiKey) {
    this.rest = rest;
    this.url = HttpAdapters.requiredUrl(url, "collections.dialler.provider=http",
        "collections.dialler.http.url (COLLECTIONS_DIALLER_URL)");
    this.apiKey = apiKey;
  }

  @Override
  public Dialled dial(String reference, String loanId, String agentUserId, String phone) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("reference", reference);
    body.put("agent", agentUserId);
    body.put("callee", phone);
    JsonNode answer;
    try {
      answer = rest.post().uri(url)
          .contentType(JSON_UTF8)
          .accept(MediaType.APPLICATION_JSON)
          .header("Idempotency-Key", reference)
          .headers(HttpAdapters.bearer(apiKey))
          .body(body)
          .retrieve()
          .body(JsonNode.class);
    } catch (RestClientResponseException e) {
      throw new DialFailed("Dialler answered HTTP " + e.getStatusCode().value(), e);
    } catch (ResourceAccessException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new DialFailed("Dialler unreachable: " + cause.getClass().getSimpleName(), e);
    }
    String callId = answer == null ? null : answer.path("callId").asText(null);
    if (callId == null || callId.isBlank()) {
      throw new DialFailed("Dialler answered without a callId", null);
    }
    log.info("Dial {} for loan {} by {} placed as call {}", reference, loanId, agentUserId, callId);
    return new Dialled(callId);
  }
}
