package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The WeCom API adapter against a local stub: token, "contact me" entry, and failures as exceptions. */
class HttpWeComClientTest {

  private final OutsideWorldStub weCom = new OutsideWorldStub();

  private HttpWeComClient client(List<String> users) {
    return new HttpWeComClient(weCom.baseUrl(), "ww-corp", "contact-secret", users, Duration.ofSeconds(2),
        Duration.ofSeconds(2), new ObjectMapper());
  }

  @AfterEach
  void stop() {
    weCom.close();
  }

  @Test
  void createsAContactWayForTheCasesStateWithOneTokenForManyCalls() {
    HttpWeComClient client = client(List.of("agent1"));

    WeComClient.ContactWay first = client.createContactWay("L-1", "cstate1");
    client.createContactWay("L-2", "cstate2");

    assertThat(first.configId()).isEqualTo("cfg-cstate1-1");
    assertThat(first.url()).isEqualTo("https://wecom.example/qr/cstate1");
    assertThat(weCom.tokensIssued).hasValue(1);
    assertThat(weCom.contactWaysCreated).containsOnly(Map.entry("cstate1", 1), Map.entry("cstate2", 1));
    assertThat(weCom.contactWayBodies.get(0)).startsWith("access_token=token-1 ")
        .contains("\"type\":1", "\"scene\":2", "\"state\":\"cstate1\"", "\"user\":[\"agent1\"]");
  }

  @Test
  void severalAgentsMakeAMultiPersonEntry() {
    client(List.of("agent1", "agent2")).createContactWay("L-1", "cstate1");

    assertThat(weCom.contactWayBodies.get(0)).contains("\"type\":2", "\"user\":[\"agent1\",\"agent2\"]");
  }

  @Test
  void anExpiredTokenIsRenewedOnceAndTheCallRepeated() {
    HttpWeComClient client = client(List.of("agent1"));
    client.createContactWay("L-1", "cstate1");
    weCom.wecomErrcodeOnce("42001");

    client.createContactWay("L-2", "cstate2");

    assertThat(weCom.tokensIssued).hasValue(2);
    assertThat(weCom.contactWaysCreated).containsEntry("cstate2", 1);
  }

  @Test
  void http500IsAnException() {
    weCom.failing(true);

    assertThatThrownBy(() -> client(List.of("agent1")).createContactWay("L-1", "cstate1"))
        .isInstanceOf(HttpWeComClient.WeComUnavailable.class)
        .hasMessageContaining("HTTP 500");
  }

  @Test
  void anErrcodeOtherThanZeroIsAnException() {
    weCom.wecomErrcodeOnce("60111");

    assertThatThrownBy(() -> client(List.of("agent1")).createContactWay("L-1", "cstate1"))
        .isInstanceOf(HttpWeComClient.WeComUnavailable.class)
        .hasMessageContaining("errcode 60111");
  }

  @Test
  void refusesToStartWithoutCorpSecretOrAgents() {
    assertThatThrownBy(() -> client(List.of())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("contact-users");
  }
}
