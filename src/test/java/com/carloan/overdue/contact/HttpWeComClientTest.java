package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.ExpectedCount.times;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withException;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.client.ResponseCreator;
import org.springframework.web.client.RestClient;

/** The WeCom API adapter: token, "contact me" entry, and which answers are an exception (the job is retried). */
class HttpWeComClientTest {

  private static final String API = "https://wecom.test";
  private static final String ADD_CONTACT_WAY = API + "/cgi-bin/externalcontact/add_contact_way?access_token=";

  private static String gettoken(String secret) {
    return API + "/cgi-bin/gettoken?corpid=ww-corp&corpsecret=" + secret;
  }

  private static String token(String token, int expiresIn) {
    return "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn + "}";
  }

  private static ResponseCreator answer(String json) {
    return withSuccess(json, MediaType.APPLICATION_JSON);
  }

  private static final String CREATED =
      "{\"errcode\":0,\"errmsg\":\"ok\",\"config_id\":\"cfg-1\",\"qr_code\":\"https://wecom.test/qr/1\"}";

  private final RestClient.Builder builder = RestClient.builder();
  /** Request shape and error mapping, against Spring's mock server. */
  private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();

  private HttpWeComClient client(String secret, List<String> users) {
    return new HttpWeComClient(builder.build(), new ObjectMapper(), API + "/", "ww-corp", secret, users);
  }

  private HttpWeComClient client() {
    return client("contact-secret", List.of("agent1"));
  }

  /** The real transport, against a local server. */
  private final OutsideWorldStub stub = new OutsideWorldStub();

  private HttpWeComClient overHttp() {
    return new HttpWeComClient(HttpAdapters.restClient(RestClient.builder(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
        new ObjectMapper(), stub.baseUrl(), "ww-corp", "contact-secret", List.of("agent1"));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void getsATokenThenPostsTheContactWayWithIt() {
    server.expect(requestTo(gettoken("contact-secret"))).andExpect(method(HttpMethod.GET))
        .andRespond(answer(token("token-1", 7200)));
    server.expect(requestTo(ADD_CONTACT_WAY + "token-1")).andExpect(method(HttpMethod.POST))
        .andExpect(content().contentType("application/json;charset=UTF-8"))
        .andExpect(content().json(
            "{\"type\":1,\"scene\":2,\"skip_verify\":true,\"state\":\"cstate1\",\"user\":[\"agent1\"]}",
            JsonCompareMode.STRICT))
        .andRespond(answer(CREATED));

    WeComClient.ContactWay way = client().createContactWay("L-1", "cstate1");

    assertThat(way).isEqualTo(new WeComClient.ContactWay("cfg-1", "https://wecom.test/qr/1"));
    server.verify();
  }

  @Test
  void severalAgentsMakeAMultiPersonEntry() {
    server.expect(requestTo(gettoken("contact-secret"))).andRespond(answer(token("token-1", 7200)));
    server.expect(requestTo(ADD_CONTACT_WAY + "token-1"))
        .andExpect(content().json("{\"type\":2,\"user\":[\"agent1\",\"agent2\"]}", JsonCompareMode.LENIENT))
        .andRespond(answer(CREATED));

    client("contact-secret", List.of("agent1", "agent2")).createContactWay("L-1", "cstate1");

    server.verify();
  }

  @Test
  void theCaseOwnersOwnAccountIsOfferedInsteadOfTheTeamAccounts() {
    server.expect(requestTo(gettoken("contact-secret"))).andRespond(answer(token("token-1", 7200)));
    server.expect(requestTo(ADD_CONTACT_WAY + "token-1"))
        .andExpect(content().json("{\"type\":1,\"user\":[\"agent2\"]}", JsonCompareMode.LENIENT))
        .andRespond(answer(CREATED));

    client("contact-secret", List.of("agent1", "agent3")).createContactWay("L-1", "cstate1", "agent2");

    server.verify();
  }

  @Test
  void theSecretIsEncodedIntoTheQuery() {
    server.expect(requestTo(gettoken("s%26c%3Dr%2Bt"))).andRespond(answer(token("token-1", 7200)));
    server.expect(requestTo(ADD_CONTACT_WAY + "token-1")).andRespond(answer(CREATED));

    client("s&c=r+t", List.of("agent1")).createContactWay("L-1", "cstate1");

    server.verify();
  }

  @Test
  void oneTokenServesManyCallsWhileItLives() {
    server.expect(times(1), requestTo(gettoken("contact-secret")))
        .andRespond(answer(token("token-1", 7200)));
    server.expect(times(3), requestTo(ADD_CONTACT_WAY + "token-1")).andRespond(answer(CREATED));

    HttpWeComClient client = client();
    client.createContactWay("L-1", "cstate1");
    client.createContactWay("L-2", "cstate2");
    client.createContactWay("L-3", "cstate3");

    server.verify();
  }

  @Test
  void aTokenThatExpiresWithinTheMarginIsNotKept() {
    server.expect(requestTo(gettoken("contact-secret"))).andRespond(answer(token("token-1", 300)));
    server.expect(requestTo(ADD_CONTACT_WAY + "token-1")).andRespond(answer(CREATED));
    server.expect(requestTo(gettoken("contact-secret"))).andRespond(answer(token("token-2", 300)));
    server.expect(requestTo(ADD_CONTACT_WAY + "token-2")).andRespond(answer(CREATED));

    HttpWeComClient client = client();
    client.createContactWay("L-1", "cstate1");
    client.createContactWay("L-2", "cstate2");

    server.verify();
  }

  @Test
  void anExpiredTokenIsRenewedOnceAndTheCallRepeated() {
    server.expect(requestTo(gettoken("contact-secret"))).andRespond(answer(token("token-1", 7200)));
    server.expect(requestTo(ADD_CONTACT_WAY + "token-1"))
        .andRespond(answer("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}"));
    server.expect(requestTo(gettoken("contact-secret"))).andRespond(answer(token("token-2", 7200)));
    server.expect(requestTo(ADD_CONTACT_WAY + "token-2")).andRespond(answer(CREATED));

    assertThat(client().createContactWay("L-1", "cstate1").configId()).isEqualTo("cfg-1");
    server.verify();
  }

  @Test
  void aTokenRefusedTwiceIsAnException() {
    server.expect(requestTo(gettoken("contact-secret"))).andRespond(answer(token("token-1", 7200)));
    server.expect(requestTo(ADD_CONTACT_WAY + "token-1"))
        .andRespond(answer("{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}"));
    server.expect(requestTo(gettoken("contact-secret"))).andRespond(answer(token("token-2", 7200)));
    server.expect(requestTo(ADD_CONTACT_WAY + "token-2"))
        .andRespond(answer("{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}"));

    assertThatThrownBy(() -> client().createContactWay("L-1", "cstate1"))
        .isInstanceOf(HttpWeComClient.WeComUnavailable.class)
        .hasMessage("WeCom /cgi-bin/externalcontact/add_contact_way failed: errcode 40014 invalid access_token");
    server.verify();
  }

  @Test
  void aRefusedTokenRequestIsAnExceptionAndIsAskedAgainNextTime() {
    server.expect(requestTo(gettoken("contact-secret")))
        .andRespond(answer("{\"errcode\":40013,\"errmsg\":\"invalid corpid\"}"));
    server.expect(requestTo(gettoken("contact-secret"))).andRespond(answer(token("token-1", 7200)));
    server.expect(requestTo(ADD_CONTACT_WAY + "token-1")).andRespond(answer(CREATED));
    HttpWeComClient client = client();

    assertThatThrownBy(() -> client.createContactWay("L-1", "cstate1"))
        .isInstanceOf(HttpWeComClient.WeComUnavailable.class)
        .hasMessage("WeCom gettoken failed: errcode 40013 invalid corpid");
    client.createContactWay("L-1", "cstate1");
    server.verify();
  }

  @Test
  void anErrcodeOtherThanZeroIsAnException() {
    server.expect(requestTo(gettoken("contact-secret"))).andRespond(answer(token("token-1", 7200)));
    server.expect(requestTo(ADD_CONTACT_WAY + "token-1"))
        .andRespond(answer("{\"errcode\":60111,\"errmsg\":\"userid not found\"}"));

    assertThatThrownBy(() -> client().createContactWay("L-1", "cstate1"))
        .isInstanceOf(HttpWeComClient.WeComUnavailable.class)
        .hasMessageContaining("errcode 60111 userid not found");
  }

  @Test
  void aNon2xxAnswerIsAnException() {
    server.expect(requestTo(gettoken("contact-secret"))).andRespond(withStatus(HttpStatus.BAD_GATEWAY));

    assertThatThrownBy(() -> client().createContactWay("L-1", "cstate1"))
        .isInstanceOf(HttpWeComClient.WeComUnavailable.class)
        .hasMessage("WeCom answered HTTP 502");
  }

  @Test
  void anAnswerThatIsNotJsonIsAnException() {
    server.expect(requestTo(gettoken("contact-secret")))
        .andRespond(withSuccess("<html>maintenance</html>", MediaType.TEXT_HTML));

    assertThatThrownBy(() -> client().createContactWay("L-1", "cstate1"))
        .isInstanceOf(HttpWeComClient.WeComUnavailable.class)
        .hasMessage("WeCom answered something other than JSON");
  }

  @Test
  void anUnreachableApiIsAnException() {
    server.expect(requestTo(gettoken("contact-secret")))
        .andRespond(withException(new ConnectException("Connection refused")));

    assertThatThrownBy(() -> client().createContactWay("L-1", "cstate1"))
        .isInstanceOf(HttpWeComClient.WeComUnavailable.class)
        .hasMessage("WeCom unreachable: ConnectException Connection refused");
  }

  @Test
  void refusesToStartWithoutCorpSecretOrAgents() {
    assertThatThrownBy(() -> client("contact-secret", List.of())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("contact-users");
    assertThatThrownBy(() -> client(" ", List.of("agent1"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("collections.wecom.api.secret");
  }

  // ---- the real transport (the JDK client the application builds) against the local stub

  @Test
  void createsAContactWayForTheCasesStateWithOneTokenForManyCalls() {
    HttpWeComClient client = overHttp();

    WeComClient.ContactWay first = client.createContactWay("L-1", "cstate1");
    client.createContactWay("L-2", "cstate2");

    assertThat(first.configId()).isEqualTo("cfg-cstate1-1");
    assertThat(first.url()).isEqualTo("https://wecom.example/qr/cstate1");
    assertThat(stub.tokensIssued).hasValue(1);
    assertThat(stub.contactWaysCreated).containsOnly(Map.entry("cstate1", 1), Map.entry("cstate2", 1));
    assertThat(stub.contactWayBodies.get(0)).startsWith("access_token=token-1 ")
        .contains("\"type\":1", "\"scene\":2", "\"state\":\"cstate1\"", "\"user\":[\"agent1\"]");
  }

  @Test
  void anExpiredTokenIsRenewedOnceAndTheCallRepeatedOverHttp() {
    HttpWeComClient client = overHttp();
    client.createContactWay("L-1", "cstate1");
    stub.wecomErrcodeOnce("42001");

    client.createContactWay("L-2", "cstate2");

    assertThat(stub.tokensIssued).hasValue(2);
    assertThat(stub.contactWaysCreated).containsEntry("cstate2", 1);
  }

  @Test
  void http500IsAnException() {
    stub.failing(true);

    assertThatThrownBy(() -> overHttp().createContactWay("L-1", "cstate1"))
        .isInstanceOf(HttpWeComClient.WeComUnavailable.class)
        .hasMessageContaining("HTTP 500");
  }
}
