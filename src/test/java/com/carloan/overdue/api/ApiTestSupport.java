package com.carloan.overdue.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The HTTP API tests: the real application on a random port, with the real security, database and
 * demo users, on an in-memory H2 and with the job executor off (a test runs a case's async steps
 * itself). Every API test class extends this without adding configuration, so they share one context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "collections.scheduling.enabled=false",
    "collections.demo-users=true"})
public abstract class ApiTestSupport {

  /** A Tuesday, mid-morning in Shanghai: inside the contact window. */
  protected static final ZonedDateTime TUESDAY_10AM = ZonedDateTime.parse("2026-12-01T10:00:00+08:00[Asia/Shanghai]");
  protected static final String PROBLEM_JSON = "application/problem+json";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected HistoryService history;
  @Autowired protected ManagementService management;
  @Autowired protected ObjectMapper json;

  protected ApiClient api;

  @BeforeEach
  void clientAndClock() {
    api = new ApiClient(port);
    ClockUtil.setCurrentTime(Date.from(TUESDAY_10AM.toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A loan id no other test uses. */
  protected static String newLoanId() {
    return "L-A-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + SEQUENCE.incrementAndGet();
  }

  /** The contract's example intake for the loan: MEDIUM risk, WeChat contact. */
  protected ObjectNode intake(String loanId) {
    try {
      ObjectNode body = (ObjectNode) json.readTree("""
          {"loanId": "L-2026-000123",
           "borrower": {"name": "张三", "phone": "13812345678", "idNumber": "11010519491231002X"},
           "vehicle": {"plate": "京A12345", "vin": "LSVAU2180N2183294", "status": "NORMAL"},
           "overdueAmount": 8500.00, "outstandingPrincipal": 96000.00,
           "daysPastDue": 15, "priorOverdueCount": 1}""");
      body.put("loanId", loanId);
      return body;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens the case through the API as the loan system and runs its first async steps. @return the process instance id */
  protected String openCase(String loanId) {
    HttpResponse<String> response = api.postJson("loansys", "/api/cases", intake(loanId).toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String pi = body(response).get("processInstanceId").asText();
    executeJobs(pi);
    return pi;
  }

  /** Executes the case's due jobs, and the ones they create. */
  protected void executeJobs(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  protected List<String> activeActivities(String processInstanceId) {
    return runtime.getActiveActivityIds(processInstanceId);
  }

  protected JsonNode body(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** The response is problem+json with the status, no internals, and these fields among its errors. */
  protected JsonNode assertProblem(HttpResponse<String> response, int status, String... fields) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith(PROBLEM_JSON));
    assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.", "SQL", "trace");
    JsonNode problem = body(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("errors").isArray()).isTrue();
    if (fields.length > 0) {
      assertThat(fields(problem)).contains(fields);
    }
    return problem;
  }

  protected static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.path("field").asText(null)));
    return fields;
  }

  protected int casesOf(String loanId) {
    return jdbc.queryForObject("select count(*) from loan_case where loan_id = ?", Integer.class, loanId);
  }

  protected long processInstancesOf(String loanId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(loanId).count();
  }
}
