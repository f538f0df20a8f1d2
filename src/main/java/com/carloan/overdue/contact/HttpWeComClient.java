package com.carloan.overdue.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The WeCom server API ({@code collections.wecom.provider=http}): an access token from {@code gettoken}
 * with the corp id and the customer-contact secret, kept until shortly before it expires, then
 * {@code externalcontact/add_contact_way} (联系我, QR code) with the case's state. A non-2xx answer or an
 * {@code errcode} other than 0 is an exception: the service task's job fails, is retried (R3/PT5M), and
 * shows as an incident in Cockpit once the retries are spent. Nothing of the step is committed then, so
 * its SMS is neither queued nor sent before WeCom has answered.
 */
@Component
@ConditionalOnProperty(name = "collections.wecom.provider", havingValue = "http")
class HttpWeComClient implements WeComClient {

  private static final Logger log = LoggerFactory.getLogger(HttpWeComClient.class);
  /** errcodes that mean "get a new access token" (invalid, expired, not the latest). */
  private static final Set<Integer> TOKEN_EXPIRED = Set.of(40001, 40014, 42001);
  private static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);

  private final String baseUrl;
  private final String corpId;
  private final String secret;
  private final List<String> contactUsers;
  private final Duration timeout;
  private final HttpClient http;
  private final ObjectMapper json;

  private String token;
  private Instant tokenExpires = Instant.MIN;

  HttpWeComClient(@Value("${collections.wecom.api.url}") String baseUrl,
      @Value("${collections.wecom.corp-id:}") String corpId,
      @Value("${collections.wecom.api.secret:}") String secret,
      @Value("${collections.wecom.api.contact-users:}") List<String> contactUsers,
      @Value("${collections.wecom.api.connect-timeout:PT5S}") Duration connectTimeout,
      @Value("${collections.wecom.api.timeout:PT10S}") Duration timeout, ObjectMapper json) {
    if (corpId.isBlank() || secret.isBlank() || contactUsers.isEmpty()) {
      throw new IllegalStateException("collections.wecom.provider=http needs collections.wecom.corp-id, "
          + "collections.wecom.api.secret and collections.wecom.api.contact-users");
    }
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.corpId = corpId;
    this.secret = secret;
    this.contactUsers = List.copyOf(contactUsers);
    this.timeout = timeout;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }

  @Override
  public ContactWay createContactWay(String loanId, String state) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", contactUsers.size() == 1 ? 1 : 2);
    body.put("scene", 2);
    body.put("skip_verify", true);
    body.put("state", state);
    body.put("user", contactUsers);
    JsonNode answer = call("/cgi-bin/externalcontact/add_contact_way", body);
    ContactWay way = new ContactWay(answer.path("config_id").asText(), answer.path("qr_code").asText());
    log.info("WeCom contact way {} created for loan {}", way.configId(), loanId);
    return way;
  }

  private JsonNode call(String path, Object body) {
    JsonNode answer = post(path, accessToken(), body);
    if (TOKEN_EXPIRED.contains(answer.path("errcode").asInt())) {
      forgetToken();
      answer = post(path, accessToken(), body);
    }
    return ok(path, answer);
  }

  private synchronized String accessToken() {
    if (token == null || Instant.now().isAfter(tokenExpires)) {
      JsonNode answer = ok("gettoken", send(HttpRequest.newBuilder(URI.create(baseUrl + "/cgi-bin/gettoken?corpid="
          + encode(corpId) + "&corpsecret=" + encode(secret))).timeout(timeout).GET()));
      token = answer.path("access_token").asText();
      tokenExpires = Instant.now().plusSeconds(answer.path("expires_in").asLong(7200)).minus(TOKEN_MARGIN);
    }
    return token;
  }

  private synchronized void forgetToken() {
    token = null;
  }

  private JsonNode post(String path, String accessToken, Object body) {
    try {
      return send(HttpRequest.newBuilder(URI.create(baseUrl + path + "?access_token=" + encode(accessToken)))
          .timeout(timeout)
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode send(HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new WeComUnavailable("WeCom unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WeComUnavailable("interrupted while calling WeCom", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new WeComUnavailable("WeCom answered HTTP " + response.statusCode(), null);
    }
    try {
      return json.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new WeComUnavailable("WeCom answered something other than JSON", e);
    }
  }

  private static JsonNode ok(String call, JsonNode answer) {
    int errcode = answer.path("errcode").asInt(-1);
    if (errcode != 0) {
      throw new WeComUnavailable("WeCom " + call + " failed: errcode " + errcode + " " + answer.path("errmsg").asText(), null);
    }
    return answer;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** WeCom did not do what was asked; the job fails and is retried. */
  static final class WeComUnavailable extends RuntimeException {
    WeComUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
