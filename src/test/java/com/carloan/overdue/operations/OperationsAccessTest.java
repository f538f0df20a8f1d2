package com.carloan.overdue.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.carloan.overdue.process.ProcessTestSupport;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Who may read the metrics and the dashboard, through the real security filter chains (in the
 * process tests' context, so no second application starts).
 */
class OperationsAccessTest extends ProcessTestSupport {

  @Autowired WebApplicationContext context;

  MockMvc http;

  @BeforeEach
  void mockMvc() {
    http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  @Test
  void prometheusIsForAdminsAndTheScrapeAccountOnly() throws Exception {
    assertThat(status(get("/actuator/prometheus"))).isEqualTo(401);
    assertThat(status(get("/actuator/prometheus").with(httpBasic("agent1", "agent1")))).isEqualTo(403);
    assertThat(status(get("/actuator/prometheus").with(httpBasic("supervisor1", "supervisor1")))).isEqualTo(403);
    // The scrape account sees the metrics and no other actuator endpoint.
    assertThat(status(get("/actuator/prometheus").with(httpBasic("prometheus", "prometheus")))).isEqualTo(200);
    assertThat(status(get("/actuator/metrics").with(httpBasic("prometheus", "prometheus")))).isEqualTo(403);

    MvcResult admin = http.perform(get("/actuator/prometheus").with(httpBasic("admin", "admin"))).andReturn();
    assertThat(admin.getResponse().getStatus()).isEqualTo(200);
    assertThat(admin.getResponse().getContentAsString()).contains(
        "collections_cases_opened_total{riskLevel=\"MEDIUM\",strategy=\"WECHAT_CONTACT\"}",
        "collections_cases_closed_total{outcome=\"SETTLED\"}",
        "collections_cases_escalated_total{reason=\"BROKEN_PROMISE\"}",
        "collections_cases_open_stage{stage=\"negotiation\"}",
        "collections_amount_due_total", "collections_amount_recovered_total", "collections_amount_outstanding",
        "collections_promises_made_total", "collections_promises_kept_total", "collections_promises_broken_total",
        "collections_wecom_requests_total", "collections_wecom_adds_total",
        "collections_wecom_right_party_contact_ratio",
        "collections_tasks_open{task=\"callBorrower\"}", "collections_tasks_past_due{task=\"callBorrower\"}",
        "collections_tasks_open_group{group=\"team-m1\"}",
        "collections_incidents_open{type=\"failedJob\"}", "collections_jobs{state=\"due\"}",
        "collections_kpi_query_seconds_count{figures=\"metrics\"}");
    // Spring Security's per-filter observations are off (application.yaml: CPU on every request for timers
    // nobody reads); with them on, this page lists spring_security_filterchains and _authentications.
    assertThat(admin.getResponse().getContentAsString()).doesNotContain("spring_security_");
  }

  @Test
  void dashboardIsForSupervisorsProcessOwnersAndAdmins() throws Exception {
    for (String user : new String[] {"supervisor1", "owner1", "admin"}) {
      MvcResult data = http.perform(get("/dashboard/data").with(httpBasic(user, user))).andReturn();
      assertThat(data.getResponse().getStatus()).as(user).isEqualTo(200);
      assertThat(data.getResponse().getContentAsString()).contains("\"funnel\"", "\"outcomes\"", "\"promises\"",
          "\"escalations\"", "\"queues\"", "内部评估");
    }
    for (String user : new String[] {"agent1", "legal1", "loansys", "prometheus"}) {
      assertThat(status(get("/dashboard/data").with(httpBasic(user, user)))).as(user).isEqualTo(403);
    }
    assertThat(status(get("/dashboard/data"))).isEqualTo(401);
    assertThat(status(post("/dashboard/data").with(httpBasic("admin", "admin")))).isEqualTo(403);
  }

  @Test
  void aBrowserWithoutLoginIsSentToTheCamundaLogin() throws Exception {
    MvcResult page = http.perform(get("/dashboard").accept(MediaType.TEXT_HTML)).andReturn();

    assertThat(page.getResponse().getStatus()).isEqualTo(401);
    assertThat(page.getResponse().getContentAsString()).contains("/camunda/app/welcome/default/#!/login");
    assertThat(page.getResponse().getHeader("WWW-Authenticate")).isNull();
    // The chart library itself is public: it holds no data.
    assertThat(status(get("/webjars/chart.js/4.4.1/dist/chart.umd.js"))).isEqualTo(200);
  }

  @Test
  void theCamundaWebappLoginOpensTheDashboard() throws Exception {
    MvcResult supervisor = http.perform(get("/dashboard/data").session(webappSession("supervisor1"))).andReturn();
    assertThat(supervisor.getResponse().getStatus()).isEqualTo(200);
    assertThat(supervisor.getResponse().getContentAsString()).contains("\"funnel\"");

    MvcResult page = http.perform(get("/dashboard").session(webappSession("supervisor1")).accept(MediaType.TEXT_HTML))
        .andReturn();
    assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/dashboard/index.html");
    assertThat(http.perform(get("/dashboard/index.html").session(webappSession("supervisor1"))
        .accept(MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString()).contains("<canvas>");

    MvcResult agent = http.perform(get("/dashboard").session(webappSession("agent1")).accept(MediaType.TEXT_HTML))
        .andReturn();
    assertThat(agent.getResponse().getStatus()).isEqualTo(403);
    assertThat(agent.getResponse().getContentAsString()).contains("无权访问");
  }

  /** A session as the Camunda webapps leave it after a login. */
  private MockHttpSession webappSession(String userId) {
    Authentications authentications = new Authentications();
    authentications.addOrReplace(AuthenticationUtil.createAuthentication(engine, userId));
    MockHttpSession session = new MockHttpSession();
    AuthenticationUtil.updateSession(session, authentications);
    return session;
  }

  private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
    return http.perform(request).andReturn().getResponse().getStatus();
  }
}
