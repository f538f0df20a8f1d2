package com.carloan.overdue.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.carloan.overdue.api.ContractPayload;
import com.carloan.overdue.contact.Outbox;
import com.carloan.overdue.intake.CaseIntake;
import com.carloan.overdue.intake.CaseIntakeService;
import com.carloan.overdue.payment.PaymentReport;
import com.carloan.overdue.payment.PaymentStatus;
import com.carloan.overdue.payment.Payments;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Process tests run the real application context (delegates, database, security) on an in-memory H2,
 * with the job executor and the outbox scheduler off: timers and async steps run when a test executes
 * them, at a business time the test sets.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "collections.scheduling.enabled=false",
    // the cases of every test class sharing this database stay open: no agent may fill up by accident
    "collections.allocation.capacity=1000000"})
public abstract class ProcessTestSupport {

  /** A Tuesday, mid-morning in Shanghai: inside the contact window. */
  protected static final ZonedDateTime TUESDAY_10AM = ZonedDateTime.parse("2026-12-01T10:00:00+08:00[Asia/Shanghai]");

  private static final AtomicInteger LOANS = new AtomicInteger();

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected ManagementService management;
  @Autowired protected HistoryService history;
  @Autowired protected IdentityService identity;
  @Autowired protected CaseIntakeService intake;
  @Autowired protected Payments payments;
  @Autowired protected Outbox outbox;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected ObjectMapper json;

  @BeforeEach
  void initAssertionsAndClock() {
    AbstractAssertions.init(engine);
    setClock(TUESDAY_10AM);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  protected static void setClock(ZonedDateTime businessTime) {
    ClockUtil.setCurrentTime(Date.from(businessTime.toInstant()));
  }

  protected static ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"));
  }

  protected static void advance(java.time.Duration d) {
    setClock(now().plus(d));
  }

  /** A fresh loan id per case, so tests sharing one database never meet. */
  protected static String newLoanId() {
    return "L-T-" + System.nanoTime() % 1_000_000_000L + "-" + LOANS.incrementAndGet();
  }

  /** The contract's example payload, as the loan system sends it, with the test's own values. */
  protected CaseIntake payload(String loanId, int daysPastDue, String overdueAmount, int priorOverdueCount,
      String vehicleStatus) {
    return payload(loanId, daysPastDue, overdueAmount, priorOverdueCount, vehicleStatus, newPhone());
  }

  /** Every case gets its own borrower unless a test says otherwise: the daily contact cap counts per borrower. */
  protected static String newPhone() {
    return String.format("139%08d", LOANS.incrementAndGet() * 7919L % 100_000_000L);
  }

  protected CaseIntake payload(String loanId, int daysPastDue, String overdueAmount, int priorOverdueCount,
      String vehicleStatus, String phone) {
    try {
      return json.treeToValue(
          ContractPayload.of(loanId, phone, daysPastDue, overdueAmount, priorOverdueCount, vehicleStatus), CaseIntake.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens a case through the real intake and runs its first async steps. */
  protected ProcessInstance openCase(int daysPastDue, String overdueAmount, int priorOverdueCount, String vehicleStatus) {
    String loanId = newLoanId();
    String id = intake.open(payload(loanId, daysPastDue, overdueAmount, priorOverdueCount, vehicleStatus)).processInstanceId();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    executeDueJobs(pi);
    return pi;
  }

  protected ProcessInstance openWeChatCase() {
    return openCase(15, "8500.00", 1, "NORMAL");
  }

  protected String loanId(ProcessInstance pi) {
    return pi.getBusinessKey();
  }

  /** Executes every job of the case that is due at the current clock, including the ones those create. */
  protected void executeDueJobs(ProcessInstance pi) {
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
    throw new AssertionError("Jobs keep becoming due: a loop in the model?");
  }

  /** Moves the clock past the case's next timer and fires it. */
  protected void fireNextTimer(ProcessInstance pi) {
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().orderByJobDuedate().asc()
        .listPage(0, 1).stream().findFirst().orElseThrow(() -> new AssertionError("no timer waiting"));
    ZonedDateTime due = timer.getDuedate().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"));
    if (due.isAfter(now())) {
      setClock(due.plusSeconds(1));
    }
    executeDueJobs(pi);
  }

  protected Task task(ProcessInstance pi, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  /** Completes the task as a logged-in user of the given group, as Tasklist would. */
  protected void complete(ProcessInstance pi, String taskKey, String userId, String group, Map<String, Object> variables) {
    Task t = task(pi, taskKey);
    if (t == null) {
      throw new AssertionError("no task " + taskKey + " open; waiting at " + runtime.getActiveActivityIds(pi.getId()));
    }
    complete(t, userId, List.of(group), variables);
    executeDueJobs(pi);
  }

  private void complete(Task t, String userId, List<String> groups, Map<String, Object> variables) {
    identity.setAuthentication(userId, groups);
    try {
      if (t.getAssignee() == null) {
        tasks.claim(t.getId(), userId);
      } else if (!t.getAssignee().equals(userId)) {
        // as a supervisor in Tasklist puts themselves in as the task's assignee
        tasks.setAssignee(t.getId(), userId);
      }
      tasks.complete(t.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The case's owner completes one of its agent tasks, which is assigned to them (CONTRACT §4). */
  protected void agentCompletes(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    Task t = task(pi, taskKey);
    if (t == null) {
      throw new AssertionError("no task " + taskKey + " open; waiting at " + runtime.getActiveActivityIds(pi.getId()));
    }
    if (t.getAssignee() == null) {
      throw new AssertionError(taskKey + " has no owner to work it: the case waits in the pool of " + team(pi));
    }
    complete(t, t.getAssignee(), List.of("collection-agent", team(pi)), variables);
    executeDueJobs(pi);
  }

  /** The case's owner now, or when it ended (process variable {@code caseOwner}). */
  protected String owner(ProcessInstance pi) {
    return (String) variable(pi, CaseVariables.CASE_OWNER);
  }

  protected String team(ProcessInstance pi) {
    return (String) variable(pi, CaseVariables.TEAM);
  }

  protected void supervisorCompletes(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    complete(pi, taskKey, "supervisor1", "collection-supervisor", variables);
  }

  protected void legalCompletes(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    complete(pi, taskKey, "legal1", "legal-officer", variables);
  }

  protected PaymentStatus pay(ProcessInstance pi, String amount) {
    PaymentStatus s = payments.record(loanId(pi), new PaymentReport("P-" + System.nanoTime(), new BigDecimal(amount),
        OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneOffset.ofHours(8))));
    executeDueJobs(pi);
    return s;
  }

  protected Object variable(ProcessInstance pi, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  protected void assertEnded(ProcessInstance pi, String outcome) {
    assertThat(pi).isEnded();
    org.assertj.core.api.Assertions.assertThat(variable(pi, CaseVariables.CASE_OUTCOME)).isEqualTo(outcome);
  }

  // ---- steps of the lifecycle that many paths share

  @Autowired protected com.carloan.overdue.contact.WeChatContacts weChatContacts;

  /** The agent reaches the borrower, who agrees to add the WeCom account and does. */
  protected void borrowerAddsWeCom(ProcessInstance pi) {
    agentCompletes(pi, "callBorrower", Map.of("contactResult", "AGREED_TO_ADD", "callNotes", "借款人同意添加企业微信"));
    weChatContacts.confirm(loanId(pi), "wmExternal01", "agent1");
    executeDueJobs(pi);
  }

  protected void verify(ProcessInstance pi, boolean identityVerified, boolean willingToRepay) {
    agentCompletes(pi, "verifyBorrower", Map.of("identityVerified", identityVerified, "overdueReason", "ECONOMIC_HARDSHIP",
        "willingToRepay", willingToRepay, "verificationNotes", "收入下降"));
  }

  /** From intake to an open negotiatePlan task. */
  protected ProcessInstance caseAtNegotiation() {
    ProcessInstance pi = openWeChatCase();
    borrowerAddsWeCom(pi);
    verify(pi, true, true);
    assertThat(pi).isWaitingAt("negotiatePlan");
    return pi;
  }

  protected String inDays(int days) {
    return now().toLocalDate().plusDays(days).toString();
  }

  protected Map<String, Object> installments(int count) {
    return Map.of("negotiationOutcome", "AGREED", "planType", "INSTALLMENTS", "installmentCount", count,
        "firstDueDate", inDays(7), "negotiationNotes", count + "期");
  }

  protected Map<String, Object> fullPayment() {
    return Map.of("negotiationOutcome", "AGREED", "planType", "FULL_PAYMENT", "firstDueDate", inDays(7));
  }

  /** From a running case to reviewEscalation; the escalation happens in {@code escalate}. */
  protected void decideEscalation(ProcessInstance pi, String action) {
    assertThat(pi).isWaitingAt("reviewEscalation");
    supervisorCompletes(pi, "reviewEscalation", Map.of("escalationAction", action, "escalationNotes", action));
  }

  /** The case's SMS texts in the outbox, in order. */
  protected List<String> smsTemplates(ProcessInstance pi) {
    return jdbc.queryForList("select template from outbound_message where loan_id = ? order by id", String.class, loanId(pi));
  }
}
