package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ApiTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * {@code GET}/{@code POST /api/wecom/callback}: WeCom's callbacks, built here by WeCom's algorithm
 * with the configured token, EncodingAESKey and corp id.
 */
class WeComCallbackApiTest extends ApiTestSupport {

  private static final String CALLBACK = "/api/wecom/callback";

  @Value("${collections.wecom.token}") String token;
  @Value("${collections.wecom.encoding-aes-key}") String encodingAesKey;
  @Value("${collections.wecom.corp-id}") String corpId;

  WeComSimulator weCom;
  long now;

  @BeforeEach
  void weCom() {
    weCom = new WeComSimulator(token, encodingAesKey, corpId);
    now = TUESDAY_10AM.toEpochSecond();
  }

  @Test
  void theUrlCheckIsAnsweredWithTheDecryptedEcho() {
    var check = weCom.urlCheck("1616140317555161061", now);

    HttpResponse<String> response = api.get(null, CALLBACK + check.query());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("1616140317555161061");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
  }

  @Test
  void aForgedOrStaleUrlCheckIsRefused() {
    var check = weCom.urlCheck("42", now);
    assertProblem(api.get(null, CALLBACK + check.withSignature("0".repeat(40)).query()), 401);
    assertProblem(api.get(null, CALLBACK + weCom.urlCheck("42", now - 301).query()), 401);
    assertProblem(api.get(null, CALLBACK + weCom.forCorp("wwOtherCorp").urlCheck("42", now).query()), 401);
  }

  @Test
  void theBorrowerAddingTheCompanyAccountMovesTheCaseDuringTheCall() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    assertThat(activeActivities(pi)).contains("callBorrower");

    HttpResponse<String> response = post(weCom.event(WeComSimulator.addExternalContact(stateOf(loanId), "agent2",
        "wmExternal-01"), now));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("success");
    assertThat(activeActivities(pi)).containsExactly("verifyBorrower");
    assertThat(tasks.createTaskQuery().processInstanceId(pi).singleResult().getAssignee()).isEqualTo(ownerOf(loanId));
    assertThat(runtime.getVariable(pi, "wecomExternalUserId")).isEqualTo("wmExternal-01");
  }

  @Test
  void theBorrowerAddingTheCompanyAccountMovesTheCaseWaitingAfterTheCall() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    String call = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("callBorrower").singleResult().getId();
    tasks.complete(call, Map.of("contactResult", "AGREED_TO_ADD", "callNotes", "同意添加"));
    assertThat(activeActivities(pi)).doesNotContain("callBorrower", "verifyBorrower");

    // the legacy event name, and a WeCom member who is no user here: verification is still the owner's
    String legacy = WeComSimulator.addExternalContact(stateOf(loanId), "zhangsan", "wmExternal-02")
        .replace("change_external_contact", "add_external_contact");
    assertThat(post(weCom.event(legacy, now + 200)).body()).isEqualTo("success");

    assertThat(activeActivities(pi)).containsExactly("verifyBorrower");
    assertThat(tasks.createTaskQuery().processInstanceId(pi).singleResult().getAssignee()).isEqualTo(ownerOf(loanId));
  }

  @Test
  void aForgedSignatureChangesNothing() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    var genuine = weCom.event(WeComSimulator.addExternalContact(stateOf(loanId), "agent1", "wmX"), now);

    assertProblem(post(genuine.withSignature(new StringBuilder(genuine.signature()).reverse().toString())), 401);
    var otherToken = new WeComSimulator("not-our-token", encodingAesKey, corpId);
    assertProblem(post(otherToken.event(WeComSimulator.addExternalContact(stateOf(loanId), "agent1", "wmX"), now)), 401);
    assertProblem(post(new WeComSimulator.Callback("", genuine.body(), null, null, null, null)), 401);

    assertThat(activeActivities(pi)).contains("callBorrower");
  }

  @Test
  void aStaleOrFutureTimestampChangesNothing() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    String event = WeComSimulator.addExternalContact(stateOf(loanId), "agent1", "wmX");

    assertProblem(post(weCom.event(event, now - 301)), 401);
    assertProblem(post(weCom.event(event, now + 301)), 401);

    assertThat(activeActivities(pi)).contains("callBorrower");
    assertThat(post(weCom.event(event, now - 299)).statusCode()).isEqualTo(200);
    assertThat(activeActivities(pi)).containsExactly("verifyBorrower");
  }

  @Test
  void aReplayedCallbackIsRefused() {
    var event = weCom.event(WeComSimulator.addExternalContact("c-unknown-state", "agent1", "wmX"), now);

    assertThat(post(event).statusCode()).isEqualTo(200);
    assertProblem(post(event), 401);
  }

  @Test
  void aMessageForAnotherCorpChangesNothing() {
    String loanId = newLoanId();
    String pi = openCase(loanId);

    var foreign = weCom.forCorp("wwSomeoneElse").event(WeComSimulator.addExternalContact(stateOf(loanId), "agent1", "wmX"), now);
    assertProblem(post(foreign), 401);

    assertThat(activeActivities(pi)).contains("callBorrower");
  }

  @Test
  void anUnknownStateOrAnotherEventIsAcknowledgedAndIgnored() {
    String loanId = newLoanId();
    String pi = openCase(loanId);

    assertThat(post(weCom.event(WeComSimulator.addExternalContact("c-no-such-case", "agent1", "wmX"), now)).body())
        .isEqualTo("success");
    String deleted = WeComSimulator.addExternalContact(stateOf(loanId), "agent1", "wmX")
        .replace("add_external_contact", "del_external_contact");
    assertThat(post(weCom.event(deleted, now)).body()).isEqualTo("success");
    assertThat(post(weCom.event("<xml><MsgType>text</MsgType><Content>hi</Content></xml>", now)).body())
        .isEqualTo("success");

    assertThat(activeActivities(pi)).contains("callBorrower");
  }

  @Test
  void anAddForACaseNotWaitingIsAcknowledgedAndIgnored() {
    String loanId = newLoanId();
    String pi = openCase(loanId);
    String event = WeComSimulator.addExternalContact(stateOf(loanId), "agent1", "wmX");
    assertThat(post(weCom.event(event, now)).body()).isEqualTo("success");

    assertThat(post(weCom.event(event, now)).body()).isEqualTo("success");
    assertThat(activeActivities(pi)).containsExactly("verifyBorrower");
  }

  @Test
  void xmlWithADoctypeIsRefusedUnread() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<xml><Encrypt>&e;</Encrypt></xml>";
    HttpResponse<String> response = api.send(api.request(null, CALLBACK + "?msg_signature=" + "a".repeat(40)
        + "&timestamp=" + now + "&nonce=1").header("Content-Type", "text/xml")
        .POST(HttpRequest.BodyPublishers.ofString(xxe)).build());

    assertProblem(response, 400, "body");
    assertThat(response.body()).doesNotContain("root:");
  }

  @Test
  void anEnvelopeWithoutEncryptIsRefused() {
    var event = weCom.event("<xml/>", now);
    assertProblem(api.send(api.request(null, CALLBACK + event.query()).header("Content-Type", "text/xml")
        .POST(HttpRequest.BodyPublishers.ofString("<xml><ToUserName>x</ToUserName></xml>")).build()), 400, "Encrypt");
  }

  private HttpResponse<String> post(WeComSimulator.Callback callback) {
    return api.send(api.request(null, CALLBACK + callback.query()).header("Content-Type", "text/xml")
        .POST(HttpRequest.BodyPublishers.ofString(callback.body(), StandardCharsets.UTF_8)).build());
  }

  private String stateOf(String loanId) {
    return jdbc.queryForObject("select wecom_state from loan_case where active_loan_id = ?", String.class, loanId);
  }
}
