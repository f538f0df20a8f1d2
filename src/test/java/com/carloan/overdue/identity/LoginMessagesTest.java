package com.carloan.overdue.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A 401 says what went wrong: no credentials, a wrong user or password, or an account the engine
 * holds back after a wrong password (until when, with Retry-After). Each test signs in as a user of its
 * own, so the engine's throttling cannot reach another test; the engine's clock, which the throttling
 * reads, is moved instead of waited for.
 */
@IdentityContext
class LoginMessagesTest {

  /** 12:00:00 in Shanghai. */
  private static final Instant NOON = Instant.parse("2026-12-02T04:00:00Z");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  TestHttp http;
  String user;

  @BeforeEach
  void ownUser() {
    http = new TestHttp(port);
    user = "login" + UUID.randomUUID().toString().substring(0, 8);
    User created = identity.newUser(user);
    created.setPassword("right-" + user);
    identity.saveUser(created);
    ClockUtil.setCurrentTime(Date.from(NOON));
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identity.deleteUser(user);
  }

  @Test
  void withoutCredentialsTheAnswerAsksForThem() {
    HttpResponse<String> anonymous = http.get(ownPage());

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(detail(anonymous)).isEqualTo("Send HTTP Basic credentials of a collections user.");
    assertThat(anonymous.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void aWrongPasswordIsCalledOneAndTheHoldThatFollowsIsShownUntilItEnds() {
    HttpResponse<String> wrong = http.get(ownPage(), user, "wrong");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(detail(wrong)).contains("wrong user or password");
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(wrong.headers().firstValue("Retry-After")).isEmpty();

    // the engine's first delay (loginDelayBase) is 3 s; the right password is refused meanwhile
    ClockUtil.setCurrentTime(Date.from(NOON.plusSeconds(1)));
    HttpResponse<String> heldBack = http.get(ownPage(), user, "right-" + user);
    assertThat(heldBack.statusCode()).isEqualTo(401);
    assertThat(detail(heldBack))
        .isEqualTo("Too many wrong passwords for " + user + ": try again after 12:00:03 (in 2 s).");
    assertThat(heldBack.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(attempts()).as("being told about the hold is no attempt").isEqualTo(1);

    ClockUtil.setCurrentTime(Date.from(NOON.plusSeconds(3)));
    HttpResponse<String> afterwards = http.get(ownPage(), user, "right-" + user);
    assertThat(afterwards.statusCode()).isEqualTo(200);
    assertThat(afterwards.body()).isEqualTo(user);
    assertThat(attempts()).isZero();
  }

  @Test
  void anUnknownUserReadsLikeAWrongPassword() {
    HttpResponse<String> unknown = http.get(ownPage(), "nobody" + user, "whatever");

    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(detail(unknown)).isEqualTo(detail(http.get(ownPage(), user, "wrong")));
  }

  @Test
  void afterTheLastAllowedAttemptOnlyAnAdministratorHelps() {
    Instant now = NOON;
    for (int attempt = 1; attempt <= 10; attempt++) { // loginMaxAttempts, the engine's default
      assertThat(detail(http.get(ownPage(), user, "wrong"))).contains("wrong user or password");
      now = now.plusSeconds(61); // past the longest delay, loginDelayMaxTime
      ClockUtil.setCurrentTime(Date.from(now));
    }

    HttpResponse<String> locked = http.get(ownPage(), user, "right-" + user);
    assertThat(locked.statusCode()).isEqualTo(401);
    assertThat(detail(locked)).isEqualTo("Too many wrong passwords for " + user
        + ": the account is locked until an administrator unlocks it in Camunda Admin.");
    assertThat(locked.headers().firstValue("Retry-After")).isEmpty();

    identity.unlockUser(user);
    assertThat(http.get(ownPage(), user, "right-" + user).statusCode()).isEqualTo(200);
  }

  /** Open to the user itself ({@link CaseAccess}), so no group is needed. */
  private String ownPage() {
    return "/api/identity-probe/agents/" + user;
  }

  private int attempts() {
    return jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, user);
  }

  private String detail(HttpResponse<String> response) {
    try {
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
      assertThat(problem.path("instance").asText()).isEqualTo(response.uri().getPath());
      return problem.path("detail").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
