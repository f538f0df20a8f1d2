package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.ContractPayload;
import com.carloan.overdue.common.BusinessClock;
import com.carloan.overdue.contact.WeChatContacts;
import com.carloan.overdue.intake.CaseIntake;
import com.carloan.overdue.intake.CaseIntakeService;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.TestAbortedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests: the real application on a random port (webapps, REST, security, the real
 * database on an in-memory H2), one Spring context for every UI test class and one headless
 * Chromium per class. The job executor is off: after each step the test runs the case's due jobs,
 * as the process tests do. The business clock is the real one, moved back to 10:00 in Shanghai
 * when the tests run outside the contact window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:ui-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "collections.scheduling.enabled=false",
    // the cases of every test class sharing this database stay open: no agent may fill up by accident
    "collections.allocation.capacity=1000000",
    "collections.demo-users=true",
    "camunda.bpm.process-engine-name=" + BrowserTestSupport.ENGINE})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ChromiumAvailable.class)
public abstract class BrowserTestSupport {

  // The Tasklist filters of CONTRACT §3, as workqueue.TasklistFilters names them.
  protected static final String MY_TASKS = "My tasks · 我的任务";
  protected static final String FOLLOW_UP_DUE = "Follow-up due · 跟进到期";
  protected static final String COLLECTION_QUEUE = "Collection queue · 催收队列";
  protected static final String APPROVALS = "Approvals · 审批";
  protected static final String ESCALATIONS = "Escalations and legal · 升级与法律";

  /*
   * Camunda's webapps find their engine by name in a JVM-wide registry, where the last context to
   * start wins: under its own name, the browser sees this context's engine even when other test
   * contexts (each with an engine called "default") live in the same JVM.
   */
  static final String ENGINE = "uitests"; // the starter refuses a hyphen

  private static final AtomicInteger LOANS = new AtomicInteger();

  @LocalServerPort protected int port;
  @Autowired protected CaseIntakeService intake;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected HistoryService history;
  @Autowired protected ManagementService management;
  @Autowired protected IdentityService identity;
  @Autowired protected ObjectMapper json;
  @Autowired protected WeChatContacts weChatContacts;

  protected Browser browser;

  /** On failure, what the browser showed, before the test signs out: a screenshot and the page source. */
  @RegisterExtension
  final AfterTestExecutionCallback keepTheFailingScreen = context -> {
    if (context.getExecutionException().filter(e -> !(e instanceof TestAbortedException)).isPresent()
        && browser != null) {
      browser.keepFailure(context.getRequiredTestMethod().getName());
    }
  };

  /** The browser's language; English unless a test is about another one. */
  protected String language() {
    return "en-US";
  }

  @BeforeAll
  void startBrowser() {
    // Calls and messages wait outside 08:00-21:00 Shanghai time: outside office hours, the
    // business clock goes back to 10:00 of the same day (same date for the engine and the browser).
    ZonedDateTime now = ZonedDateTime.now(BusinessClock.ZONE);
    if (now.getHour() < 8 || now.getHour() >= 20) {
      ClockUtil.offset(Duration.between(now, now.with(LocalTime.of(10, 0))).toMillis());
    }
    browser = Browser.start("http://localhost:" + port, ENGINE, language(), getClass().getSimpleName());
  }

  @AfterEach
  void signOut() {
    browser.signOut();
    identity.clearAuthentication();
  }

  @AfterAll
  void stopBrowser() {
    ClockUtil.reset();
    if (browser != null) {
      browser.close();
    }
  }

  // ---- cases, as the loan system sends them

  /** A case as intake opens it from the contract's example payload, with its own loan and borrower. */
  protected String openCase(int daysPastDue, String overdueAmount, int priorOverdueCount, String vehicleStatus) {
    int n = LOANS.incrementAndGet();
    String loanId = String.format("L-2026-%06d", 900100 + n);
    // The daily contact cap counts per borrower: every case gets its own phone.
    String phone = String.format("139%08d", 10_000_000L + n * 7919L);
    try {
      ObjectNode body = ContractPayload.of(loanId, phone, daysPastDue, overdueAmount, priorOverdueCount, vehicleStatus);
      intake.open(json.treeToValue(body, CaseIntake.class));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    executeDueJobs(loanId);
    return loanId;
  }

  /**
   * 15 days past due, ¥8,500.00: the WeChat-contact strategy, waiting at callBorrower in team M1's pool
   * ("Collection queue"), taken back from whoever allocation gave it to, so the agent of the test claims it
   * and becomes its owner.
   */
  protected String openWeChatCase() {
    String loanId = openCase(15, "8500.00", 1, "NORMAL");
    awaitTask(loanId, "callBorrower");
    recall(loanId);
    return loanId;
  }

  /** A supervisor takes the case back into its team's pool (CONTRACT §4, 回收). */
  protected void recall(String loanId) {
    try {
      var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/api/cases/recall"))
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString("supervisor1:supervisor1".getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"loanIds\": [\"" + loanId + "\"], \"reason\": \"to the pool for the test's agent\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).contains("\"recalled\":1");
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    assertThat(task(loanId, "callBorrower").getAssignee()).isNull();
  }

  protected String processInstanceId(String loanId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(loanId).singleResult().getId();
  }

  /** Runs every job of the case that is due now, including the ones those create. */
  protected void executeDueJobs(String loanId) {
    String pi = processInstanceId(loanId);
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("Jobs keep becoming due for " + loanId);
  }

  protected List<String> activeActivities(String loanId) {
    return runtime.getActiveActivityIds(processInstanceId(loanId));
  }

  protected Task task(String loanId, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(loanId).taskDefinitionKey(taskKey).singleResult();
  }

  protected Task awaitTask(String loanId, String taskKey) {
    Task task = task(loanId, taskKey);
    if (task == null) {
      throw new AssertionError("no " + taskKey + " for " + loanId + "; waiting at " + activeActivities(loanId));
    }
    return task;
  }

  protected Object variable(String loanId, String name) {
    return runtime.getVariable(processInstanceId(loanId), name);
  }

  /** Completes a task through the engine as a signed-in user would, for the steps a test does not show. */
  protected void completeAs(String userId, String groupId, String loanId, String taskKey, Map<String, Object> variables) {
    Task task = awaitTask(loanId, taskKey);
    List<String> groups = List.of(groupId);
    if ("collection-agent".equals(groupId)) {
      // agents work the tasks of their team's cases; an owned one is its owner's
      groups = List.of(groupId, (String) variable(loanId, "team"));
      if (task.getAssignee() != null) {
        userId = task.getAssignee();
      }
    }
    identity.setAuthentication(userId, groups);
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), userId);
      }
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
    executeDueJobs(loanId);
  }

  protected Tasklist tasklist() {
    return new Tasklist(browser);
  }
}
