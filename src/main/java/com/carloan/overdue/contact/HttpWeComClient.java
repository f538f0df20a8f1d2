package com.carloan.overdue.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The WeCom server API ({@code collections.wecom.provider=http}, built in {@link HttpAdapters}): an
 * access token from {@code gettoken} with the corp id and the customer-contact secret, kept until
 * shortly before it expires, then {@code externalcontact/add_contact_way} (联系我, QR code) with the
 * case's state. A non-2xx answer or an {@code errcode} other than 0 is an exception: the service task's
 * job fails, is retried (R3/PT5M), and shows as an incident in Cockpit once the retries are spent.
 * Nothing of the step is committed then, so its SMS is neither queued nor sent before WeCom has answered.
 */
class HttpWeComClient implements WeComClient {

  private static final Logger log = LoggerFactory.getLogger(HttpWeComClient.class);
  /** errcodes that mean "get a new access token" (invalid, expired, not the latest). */
  private static final Set<Integer> TOKEN_EXPIRED = Set.of(40001, 40014, 42001);
  private static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);
  private static final String TOKEN = "access_token";
  private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

  private final RestClient rest;
  private final ObjectMapper json;
  private final String baseUrl;
  private final String corpId;
  private final String secret;
  private final List<String> contactUsers;
  /** One entry, for as long as WeCom said the token lives, less a margin; concurrent callers share one fetch. */
  private final LoadingCache<String, AccessToken> tokens = Caffeine.newBuilder()
      .expireAfter(Expiry.creating((String key, AccessToken token) -> token.lifetime()))
      .build(key -> fetchToken());

  HttpWeComClient(RestClient rest, ObjectMapper json, String baseUrl, String corpId, String secret,
      List<String> contactUsers) {
    if (corpId.isBlank() || secret.isBlank() || contactUsers.isEmpty()) {
      throw new IllegalStateException("collections.wecom.provider=http needs collections.wecom.corp-id, "
          + "collections.wecom.api.secret and collections.wecom.api.contact-users");
    }
    this.rest = rest;
    this.json = json;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.corpId = corpId;
    this.secret = secret;
    this.contactUsers = List.copyOf(contactUsers);
  }

  @Override
  public ContactWay createContactWay(String loanId, String state, String ownerUserId) {
    List<String> users = ownerUserId == null ? contactUsers : List.of(ownerUserId);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", users.size() == 1 ? 1 : 2);
    body.put("scene", 2);
    body.put("skip_verify", true);
    body.put("state", state);
    body.put("user", users);
    JsonNode answer = call("/cgi-bin/externalcontact/add_contact_way", body);
    ContactWay way = new ContactWay(answer.path("config_id").asText(), answer.path("qr_code").asText());
    log.info("WeCom contact way {} created for loan {}", way.configId(), loanId);
    return way;
  }

  private JsonNode call(String path, Object body) {
    AccessToken token = tokens.get(TOKEN);
    JsonNode answer = post(path, token, body);
    if (TOKEN_EXPIRED.contains(answer.path("errcode").asInt())) {
      tokens.asMap().remove(TOKEN, token); // unless another call has renewed it already
      answer = post(path, tokens.get(TOKEN), body);
    }
    return ok(path, answer);
  }

  private AccessToken fetchToken() {
    // Template variables: the secret is encoded into the query and never part of the metric's URI tag.
    JsonNode answer = ok("gettoken", read(rest.get()
        .uri(baseUrl + "/cgi-bin/gettoken?corpid={corpId}&corpsecret={secret}", corpId, secret)));
    Duration lifetime = Duration.ofSeconds(answer.path("expires_in").asLong(7200)).minus(TOKEN_MARGIN);
    return new AccessToken(answer.path("access_token").asText(), lifetime.isNegative() ? Duration.ZERO : lifetime);
  }

  private JsonNode post(String path, AccessToken token, Object body) {
    return read(rest.post()
        .uri(baseUrl + path + "?access_token={token}", token.value())
        .contentType(JSON_UTF8)
        .body(body));
  }

  private JsonNode read(RestClient.RequestHeadersSpec<?> request) {
    byte[] answer;
    try {
      answer = request.retrieve()
          .onStatus(status -> !status.is2xxSuccessful(), (req, response) -> {
            throw new WeComUnavailable("WeCom answered HTTP " + response.getStatusCode().value(), null);
          })
          .body(byte[].class);
    } catch (ResourceAccessException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new WeComUnavailable("WeCom unreachable: " + cause.getClass().getSimpleName() + " " + cause.getMessage(), e);
    }
    try {
      // Parsed here, not by a message converter: WeCom's answer is JSON whatever its Content-Type says.
      return json.readTree(answer == null ? new byte[0] : answer);
    } catch (IOException e) {
      throw new WeComUnavailable("WeCom answered something other than JSON", e);
    }
  }

  private static JsonNode ok(String call, JsonNode answer) {
    int errcode = answer.path("errcode").asInt(-1);
    if (errcode != 0) {
      throw new WeComUnavailable("WeCom " + call + " failed: errcode " + errcode + " " + answer.path("errmsg").asText(),
          null);
    }
    return answer;
  }

  private record AccessToken(String value, Duration lifetime) {}

  /** WeCom did not do what was asked; the job fails and is retried. */
  static final class WeComUnavailable extends RuntimeException {
    WeComUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
