package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withException;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** The HTTP SMS adapter: what it posts, and which answers are an exception (the outbox tries again). */
class HttpSmsGatewayTest {

  private static final String URL = "https://sms.test/v1/messages";

  private final RestClient.Builder builder = RestClient.builder();
  /** Request shape and error mapping, against Spring's mock server. */
  private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();

  private HttpSmsGateway gateway(String apiKey) {
    return new HttpSmsGateway(builder.build(), URL, apiKey);
  }

  /** The real transport, against a local server. */
  private final OutsideWorldStub stub = new OutsideWorldStub();
  private final ObjectMapper json = new ObjectMapper();

  private HttpSmsGateway overHttp(String url) {
    return new HttpSmsGateway(HttpAdapters.restClient(RestClient.builder(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
        url, "key-1");
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void postsTheMessageAsJsonWithTheReferenceAsIdempotencyKeyAndTheApiKeyAsBearer() {
    server.expect(requestTo(URL))
        .andExpect(method(HttpMethod.POST))
        .andExpect(header("Idempotency-Key", "sms-41"))
        .andExpect(header("Authorization", "Bearer key-1"))
        .andExpect(content().contentType("application/json;charset=UTF-8"))
        .andExpect(content().json("{\"reference\":\"sms-41\",\"phone\":\"13812345678\",\"text\":\"【鼎信汽车金融】张三您好\"}",
            JsonCompareMode.STRICT))
        .andRespond(withStatus(HttpStatus.ACCEPTED));

    gateway("key-1").send("sms-41", "L-1", "13812345678", "【鼎信汽车金融】张三您好");

    server.verify();
  }

  @Test
  void withoutAnApiKeyThereIsNoAuthorizationHeader() {
    server.expect(requestTo(URL)).andExpect(headerDoesNotExist("Authorization")).andRespond(withSuccess());

    gateway("").send("sms-41", "L-1", "13812345678", "text");

    server.verify();
  }

  @Test
  void aRefusalIsAnExceptionNamingTheStatusAndTheStartOfTheAnswerButNotThePhone() {
    server.expect(requestTo(URL))
        .andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
            .body("{\"error\":\"template not approved\"," + "\"detail\":\"" + "x".repeat(300) + "\"}"));

    assertThatThrownBy(() -> gateway("key-1").send("sms-42", "L-1", "13812345678", "text"))
        .isInstanceOf(HttpSmsGateway.SmsNotSent.class)
        .hasMessageStartingWith("SMS provider answered HTTP 400: {\"error\":\"template not approved\"")
        .hasMessageNotContaining("x".repeat(200))
        .hasMessageNotContaining("13812345678");
  }

  @Test
  void aServerErrorIsAnException() {
    server.expect(requestTo(URL)).andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));

    assertThatThrownBy(() -> gateway("key-1").send("sms-42", "L-1", "13812345678", "text"))
        .isInstanceOf(HttpSmsGateway.SmsNotSent.class)
        .hasMessageContaining("HTTP 503");
  }

  @Test
  void aRedirectIsNotDeliveryAndIsAnException() {
    server.expect(requestTo(URL))
        .andRespond(withStatus(HttpStatus.FOUND).location(java.net.URI.create("https://login.test/")));

    assertThatThrownBy(() -> gateway("key-1").send("sms-42", "L-1", "13812345678", "text"))
        .isInstanceOf(HttpSmsGateway.SmsNotSent.class)
        .hasMessageContaining("HTTP 302");
  }

  @Test
  void aTimeoutIsAnException() {
    server.expect(requestTo(URL)).andRespond(withException(new SocketTimeoutException("Read timed out")));

    assertThatThrownBy(() -> gateway("key-1").send("sms-42", "L-1", "13812345678", "text"))
        .isInstanceOf(HttpSmsGateway.SmsNotSent.class)
        .hasMessage("SMS provider unreachable: SocketTimeoutException Read timed out");
  }

  @Test
  void refusesToStartWithoutAUrl() {
    assertThatThrownBy(() -> new HttpSmsGateway(builder.build(), " ", "key-1")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("collections.sms.http.url");
  }

  // ---- the real transport (the JDK client the application builds) against the local stub

  @Test
  void postsTheMessageInUtf8WithItsHeaders() throws Exception {
    overHttp(stub.smsUrl()).send("sms-41", "L-1", "13812345678", "【鼎信汽车金融】张三您好");

    assertThat(stub.smsDelivered).containsExactly(Map.entry("sms-41", 1));
    assertThat(json.readTree(stub.smsBodies.get(0)).properties()).extracting(Map.Entry::getKey)
        .containsExactly("reference", "phone", "text");
    assertThat(json.readTree(stub.smsBodies.get(0)).path("text").asText()).isEqualTo("【鼎信汽车金融】张三您好");
    assertThat(stub.smsHeaders).containsExactly(
        "Idempotency-Key=sms-41;Authorization=Bearer key-1;Content-Type=application/json;charset=UTF-8");
  }

  @Test
  void anAnswerOtherThan2xxIsAnException() {
    stub.failing(true);

    assertThatThrownBy(() -> overHttp(stub.smsUrl()).send("sms-42", "L-1", "13812345678", "text"))
        .isInstanceOf(HttpSmsGateway.SmsNotSent.class)
        .hasMessageContaining("HTTP 500");
    assertThat(stub.smsDelivered).isEmpty();
  }

  @Test
  void anUnreachableProviderIsAnException() {
    String url = stub.smsUrl();
    stub.close();

    assertThatThrownBy(() -> overHttp(url).send("sms-43", "L-1", "13812345678", "text"))
        .isInstanceOf(HttpSmsGateway.SmsNotSent.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void theSameReferenceSentTwiceIsDeliveredOnce() {
    HttpSmsGateway gateway = overHttp(stub.smsUrl());
    gateway.send("sms-44", "L-1", "13812345678", "text");
    gateway.send("sms-44", "L-1", "13812345678", "text");

    assertThat(stub.smsPosted).containsEntry("sms-44", 2);
    assertThat(stub.smsDelivered).containsExactly(Map.entry("sms-44", 1));
  }
}
