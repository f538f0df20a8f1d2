package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP SMS adapter against a local provider: what it posts, and that a refusal is an exception. */
class HttpSmsGatewayTest {

  private final OutsideWorldStub provider = new OutsideWorldStub();
  private final ObjectMapper json = new ObjectMapper();

  private HttpSmsGateway gateway(String url) {
    return new HttpSmsGateway(url, "key-1", Duration.ofSeconds(2), Duration.ofSeconds(2), json);
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  @Test
  void postsTheMessageAsJsonWithTheReferenceAsIdempotencyKey() throws Exception {
    gateway(provider.smsUrl()).send("sms-41", "L-1", "13812345678", "【鼎信汽车金融】张三您好");

    assertThat(provider.smsDelivered).containsExactly(Map.entry("sms-41", 1));
    assertThat(json.readTree(provider.smsBodies.get(0)).properties()).extracting(Map.Entry::getKey)
        .containsExactly("reference", "phone", "text");
    assertThat(json.readTree(provider.smsBodies.get(0)).path("text").asText()).isEqualTo("【鼎信汽车金融】张三您好");
    assertThat(json.readTree(provider.smsBodies.get(0)).path("phone").asText()).isEqualTo("13812345678");
    assertThat(provider.smsHeaders).containsExactly(
        "Idempotency-Key=sms-41;Authorization=Bearer key-1;Content-Type=application/json; charset=utf-8");
  }

  @Test
  void anAnswerOtherThan2xxIsAnException() {
    provider.failing(true);

    assertThatThrownBy(() -> gateway(provider.smsUrl()).send("sms-42", "L-1", "13812345678", "text"))
        .isInstanceOf(HttpSmsGateway.SmsNotSent.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageNotContaining("13812345678");
    assertThat(provider.smsDelivered).isEmpty();
  }

  @Test
  void anUnreachableProviderIsAnException() {
    String url = provider.smsUrl();
    provider.close();

    assertThatThrownBy(() -> gateway(url).send("sms-43", "L-1", "13812345678", "text"))
        .isInstanceOf(HttpSmsGateway.SmsNotSent.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void theSameReferenceSentTwiceIsDeliveredOnce() {
    HttpSmsGateway gateway = gateway(provider.smsUrl());
    gateway.send("sms-44", "L-1", "13812345678", "text");
    gateway.send("sms-44", "L-1", "13812345678", "text");

    assertThat(provider.smsPosted).containsEntry("sms-44", 2);
    assertThat(provider.smsDelivered).containsExactly(Map.entry("sms-44", 1));
  }

  @Test
  void refusesToStartWithoutAUrl() {
    assertThatThrownBy(() -> gateway(" ")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("collections.sms.http.url");
  }
}
