package com.carloan.overdue.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IdentityContext
class SecurityTest {

  private static final String PROBLEM_JSON = "application/problem+json";

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  TestHttp http;

  @BeforeEach
  void newClient() {
    http = new TestHttp(port);
  }

  @Test
  void engineRestAsksCamundaForBasicCredentials() {
    HttpResponse<String> anonymous = http.get("/engine-rest/task");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic"));

    assertThat(http.get("/engine-rest/task", "agent1", "agent1").statusCode()).isEqualTo(200);
    // A user of its own: after a failed login Camunda locks the user out until a time that tests with
    // the engine's clock fixed in the past never reach.
    String user = "wrongpassword" + UUID.randomUUID().toString().replace("-", "");
    User throwaway = identity.newUser(user);
    throwaway.setPassword(user);
    identity.saveUser(throwaway);
    try {
      assertThat(http.get("/engine-rest/task", user, "wrong").statusCode()).isEqualTo(401);
    } finally {
      identity.deleteUser(user);
    }
  }

  @Test
  void webappsAreServedWithoutSpringsBasicChallenge() {
    HttpResponse<String> welcome = http.get("/camunda/app/welcome/default/");

    assertThat(welcome.statusCode()).isEqualTo(200);
    assertThat(welcome.headers().firstValue("WWW-Authenticate")).isEmpty();
    // Asked by every login page on a first visit; a challenge would pop up the browser's dialog.
    HttpResponse<String> firstVisit = http.get("/camunda-welcome");
    assertThat(firstVisit.statusCode()).isNotEqualTo(401);
    assertThat(firstVisit.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(http.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void agentLogsIntoTasklist() {
    assertThat(webappLogin("tasklist", "agent1").statusCode()).isEqualTo(200);
  }

  @Test
  void agentCannotLogIntoCockpit() {
    assertThat(webappLogin("cockpit", "agent1").statusCode()).isEqualTo(403);
  }

  @Test
  void supervisorLogsIntoCockpit() {
    assertThat(webappLogin("cockpit", "supervisor1").statusCode()).isEqualTo(200);
  }

  @Test
  void integrationCannotLogIntoAnyWebapp() {
    assertThat(webappLogin("tasklist", "loansys").statusCode()).isEqualTo(403);
    newClient();
    assertThat(webappLogin("cockpit", "loansys").statusCode()).isEqualTo(403);
  }

  @Test
  void webappLoginWithoutCsrfTokenIsRefused() {
    http.get("/camunda/app/tasklist/default/");

    HttpResponse<String> login = http.postForm(
        "/camunda/api/admin/auth/user/default/login/tasklist", "", "username", "agent1",
        "password", "agent1");

    assertThat(login.statusCode()).isEqualTo(403);
  }

  @Test
  void actuatorHealthIsOpenOtherEndpointsAreForAdmins() {
    assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);

    HttpResponse<String> anonymous = http.get("/actuator/metrics");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertProblem(anonymous, 401);

    HttpResponse<String> agent = http.get("/actuator/metrics", "agent1", "agent1");
    assertThat(agent.statusCode()).isEqualTo(403);
    assertProblem(agent, 403);

    assertThat(http.get("/actuator/metrics", "admin", "admin").statusCode()).isEqualTo(200);
  }

  @Test
  void apiWithoutOrWithBadCredentialsIs401ProblemJson() {
    HttpResponse<String> anonymous = http.get("/api/identity-probe/intake");
    assertProblem(anonymous, 401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();

    assertProblem(http.get("/api/identity-probe/intake", "nobody", "nobody"), 401);
  }

  @Test
  void apiCallerOutsideTheAllowedGroupsGets403ProblemJson() {
    assertProblem(http.get("/api/identity-probe/intake", "agent1", "agent1"), 403);
  }

  @Test
  void apiCallerInAnAllowedGroupGetsThrough() {
    HttpResponse<String> integration = http.get("/api/identity-probe/intake", "loansys", "loansys");
    assertThat(integration.statusCode()).isEqualTo(200);
    assertThat(integration.body()).isEqualTo("loansys");

    assertThat(http.get("/api/identity-probe/intake", "supervisor1", "supervisor1").statusCode())
        .isEqualTo(200);
  }

  @Test
  void caseAccessLetsTheUserOrTheGroupsThrough() {
    assertThat(http.get("/api/identity-probe/agents/agent1", "agent1", "agent1").statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/identity-probe/agents/agent1", "supervisor1", "supervisor1")
        .statusCode()).isEqualTo(200);
    assertProblem(http.get("/api/identity-probe/agents/legal1", "agent1", "agent1"), 403);
  }

  @Test
  void weComCallbackNeedsNoBasicCredentials() {
    HttpResponse<String> callback = http.get("/api/wecom/callback");

    assertThat(callback.body()).doesNotContain(ProblemResponses.UNAUTHORIZED_DETAIL);
  }

  @Test
  void otherPathsNeedAuthentication() {
    assertThat(http.get("/some/other/path").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> webappLogin(String app, String user) {
    HttpResponse<String> page = http.get("/camunda/app/" + app + "/default/");
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    return http.postForm("/camunda/api/admin/auth/user/default/login/" + app, token,
        "username", user, "password", user);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith(PROBLEM_JSON));
    assertThat(response.body()).contains("\"status\":" + status, "\"title\"", "\"detail\"",
        "\"errors\":[]");
  }
}
