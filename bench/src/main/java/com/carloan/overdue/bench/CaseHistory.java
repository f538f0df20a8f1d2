package com.carloan.overdue.bench;

import static com.carloan.overdue.process.CaseVariables.PROCESS_KEY;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.impl.pvm.runtime.ActivityInstanceState;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases as the process leaves them behind, written straight into the database in bulk: the application's
 * tables (case, sealed archive, payments, plans), the engine's activity and decision history and, for
 * open cases, its runtime rows. The dashboard's figures read exactly these; opening and working 100,000
 * cases through the process to get them would take hours. The mix of outcomes, escalations, WeCom adds
 * and broken promises is fixed by the seed.
 *
 * <p>Used by bench/run.sh (closed cases, beside the real open ones of the run) and by the test
 * operations.DashboardBenchmark (both, on an otherwise empty database).
 */
public class CaseHistory {

  static final String[] OUTCOMES = {"SETTLED", "SETTLED", "SETTLED", "LEGAL_CLOSED", "VEHICLE_DISPOSED", "WRITTEN_OFF"};
  static final String[] REASONS = {"HIGH_RISK", "CONTACT_REFUSED", "NO_CONTACT", "UNWILLING", "NEGOTIATION_FAILED",
      "NO_RESPONSE", "BROKEN_PROMISE"};
  static final String[] ESCALATION_END = {"escalateHighRisk", "escalateContactRefused", "escalateNoContact",
      "escalateUnwilling", "escalateNegotiationFailed", "escalateNoResponseAtNegotiation", "escalateBrokenPromise"};
  /** Where open cases wait: activity, task or not, stage mix roughly as a working day leaves it. */
  static final String[] WAITING = {"callBorrower", "callBorrower", "callBorrower", "awaitWeChatAdd", "reminderWaitOver",
      "verifyBorrower", "negotiatePlan", "approvePlan", "installmentDue", "installmentDue", "reviewEscalation",
      "handleLitigation", "repossessVehicle", "reviewAssessment"};
  static final List<String> USER_TASKS = List.of("callBorrower", "verifyBorrower", "negotiatePlan", "approvePlan",
      "reviewEscalation", "handleLitigation", "repossessVehicle", "reviewAssessment");
  private static final int CANCELED = ActivityInstanceState.CANCELED.getStateCode();

  private final JdbcTemplate jdbc;
  private final String definitionId;
  private final String loanPrefix;
  private final String idPrefix;
  private final Instant now;
  private final Random random;
  private long nextCaseId;
  private long ids;

  /**
   * @param definitionId the deployed carLoanOverdue definition the history belongs to
   * @param loanPrefix loan ids are this plus the case's number; distinct from the loans of real cases
   * @param now cases closed up to 200 days before this, open ones opened up to 40 days before
   */
  public CaseHistory(JdbcTemplate jdbc, String definitionId, String loanPrefix, Instant now, long seed) {
    this.jdbc = jdbc;
    this.definitionId = definitionId;
    this.loanPrefix = loanPrefix;
    this.idPrefix = "gen-" + loanPrefix;
    this.now = now;
    this.random = new Random(seed);
    this.nextCaseId = 1 + jdbc.queryForObject("select coalesce(max(id), 0) from loan_case", Long.class);
  }

  /**
   * The case ids above were given explicitly: moves the table's identity past them, so the cases the
   * application opens afterwards get free ids (H2 and PostgreSQL).
   */
  public void continueIdsAfterGenerated() {
    long next = 1 + jdbc.queryForObject("select coalesce(max(id), 0) from loan_case", Long.class);
    String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    if ("PostgreSQL".equals(product)) {
      jdbc.queryForObject("select setval(pg_get_serial_sequence('loan_case', 'id'), ?, false)", Long.class, next);
    } else {
      jdbc.execute("alter table loan_case alter column id restart with " + next);
    }
  }

  /**
   * Writes cases {@code from .. from+count-1}: closed ones (archive, payments, plans, history) or open
   * ones (also their runtime execution, task or timer), in one batch per table.
   */
  public void generate(int from, int count, boolean closed) {
    List<Object[]> cases = new ArrayList<>();
    List<Object[]> archives = new ArrayList<>();
    List<Object[]> payments = new ArrayList<>();
    List<Object[]> plans = new ArrayList<>();
    List<Object[]> activities = new ArrayList<>();
    List<Object[]> decisions = new ArrayList<>();
    List<Object[]> outputs = new ArrayList<>();
    List<Object[]> executions = new ArrayList<>();
    List<Object[]> tasks = new ArrayList<>();
    List<Object[]> links = new ArrayList<>();
    List<Object[]> jobs = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      long caseId = nextCaseId++;
      String loanId = loanPrefix + i;
      String pi = idPrefix + "pi-" + i;
      Instant opened = now.minus(closed ? 20 + random.nextInt(200) : random.nextInt(40), ChronoUnit.DAYS)
          .minus(random.nextInt(86_400), ChronoUnit.SECONDS);
      Instant closedAt = closed ? min(opened.plus(3 + random.nextInt(60), ChronoUnit.DAYS), now) : null;
      BigDecimal due = BigDecimal.valueOf(1000 + random.nextInt(60_000));
      String outcome = closed ? OUTCOMES[random.nextInt(OUTCOMES.length)] : null;
      BigDecimal repaid = !closed ? (random.nextInt(3) == 0 ? due.divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN) : BigDecimal.ZERO)
          : "SETTLED".equals(outcome) ? due : due.multiply(BigDecimal.valueOf(random.nextInt(60))).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
      cases.add(new Object[] {caseId, loanId, closed ? null : loanId, pi, "借款人" + i, "k" + i, "cipher", "138****0000",
          "cipher", "京A00000", "LSVAU2180N2183294", "NORMAL", due, 30 + random.nextInt(60), random.nextInt(3), "b" + i,
          ts(opened), ts(closedAt), outcome});
      if (repaid.signum() > 0) {
        payments.add(new Object[] {idPrefix + "pay-" + i, loanId, caseId, repaid, ts(opened.plus(1, ChronoUnit.DAYS)),
            ts(opened.plus(1, ChronoUnit.DAYS))});
      }
      boolean escalated = closed ? !"SETTLED".equals(outcome) || random.nextInt(5) == 0 : random.nextInt(6) == 0;
      int reason = random.nextInt(REASONS.length);
      if (closed) {
        archives.add(new Object[] {caseId, loanId, outcome, escalated ? REASONS[reason] : null, ts(closedAt), due, repaid,
            "sealed", "0".repeat(64)});
      }
      // history: the steps every case passes, then its own turns
      Instant t = opened;
      activity(activities, pi, "caseHandling", "subProcess", t, closedAt, 0);
      activity(activities, pi, "reachBorrower", "subProcess", t, closed ? t.plus(2, ChronoUnit.DAYS) : null, 0);
      activity(activities, pi, "assessCase", "businessRuleTask", t, t, 0);
      decision(decisions, outputs, pi, t, escalated && reason == 0 ? "HIGH" : "MEDIUM",
          escalated && reason == 0 ? "ESCALATE" : "WECHAT_CONTACT");
      int attempts = 1 + random.nextInt(3);
      for (int a = 0; a < attempts; a++) {
        Instant at = t.plus(a * 2L, ChronoUnit.DAYS);
        activity(activities, pi, "requestWeChatContact", "serviceTask", at, at, 0);
        activity(activities, pi, "callBorrower", "userTask", at, closed || a < attempts - 1 ? at.plus(2, ChronoUnit.HOURS) : null, 0);
      }
      boolean added = random.nextInt(10) < 6;
      if (added) {
        Instant at = t.plus(attempts * 2L, ChronoUnit.DAYS);
        activity(activities, pi, "weChatContactAdded", "intermediateMessageCatch", at, at, 0);
        activity(activities, pi, "verifyBorrower", "userTask", at, at.plus(1, ChronoUnit.DAYS), 0);
        activity(activities, pi, "negotiatePlan", "userTask", at, at.plus(2, ChronoUnit.DAYS), 0);
        int planCount = random.nextInt(10) < 7 ? 1 : 2;
        for (int p = 1; p <= planCount; p++) {
          Instant agreed = at.plus(p * 2L, ChronoUnit.DAYS);
          plans.add(new Object[] {caseId, p, "INSTALLMENTS", BigDecimal.ZERO, ts(agreed), "agent1"});
          activity(activities, pi, "recordAgreement", "serviceTask", agreed, agreed, 0);
          boolean broken = p < planCount || random.nextInt(4) == 0;
          Instant check = agreed.plus(10, ChronoUnit.DAYS);
          activity(activities, pi, "installmentDue", "intermediateTimer", agreed, closed ? check : null,
              broken || !"SETTLED".equals(outcome) ? 0 : CANCELED);
          if (broken) {
            activity(activities, pi, "brokenPromiseGateway", "exclusiveGateway", check, check, 0);
          }
        }
      }
      if (escalated) {
        Instant at = t.plus(5, ChronoUnit.DAYS);
        activity(activities, pi, ESCALATION_END[reason], "escalationEndEvent", at, at, 0);
        activity(activities, pi, "notifyCreditReport", "serviceTask", at, at, 0);
        activity(activities, pi, "reviewEscalation", "userTask", at, closed ? at.plus(1, ChronoUnit.DAYS) : null, 0);
      }
      if (closed) {
        activity(activities, pi, "archiveCase", "serviceTask", closedAt, closedAt, 0);
        activity(activities, pi, "caseClosed", "noneEndEvent", closedAt, closedAt, 0);
      } else {
        String waiting = WAITING[random.nextInt(WAITING.length)];
        String leaf = pi + "-x";
        executions.add(new Object[] {pi, pi, null, waiting});
        executions.add(new Object[] {leaf, pi, pi, waiting});
        if (USER_TASKS.contains(waiting)) {
          String task = idPrefix + "task-" + i;
          Instant created = now.minus(random.nextInt(72 * 60), ChronoUnit.MINUTES);
          tasks.add(new Object[] {task, leaf, pi, definitionId, waiting, waiting, random.nextInt(3) == 0 ? "agent1" : null,
              ts(created), random.nextInt(20) == 0 ? ts(now.minus(1, ChronoUnit.DAYS)) : null,
              waiting.equals("callBorrower") ? ts(created) : null});
          for (String group : groups(waiting)) {
            links.add(new Object[] {idPrefix + "link-" + (ids++), group, task});
          }
        } else {
          jobs.add(new Object[] {idPrefix + "job-" + i, leaf, pi, definitionId, ts(now.plus(1 + random.nextInt(5), ChronoUnit.DAYS))});
        }
      }
    }
    jdbc.batchUpdate("insert into loan_case (id, loan_id, active_loan_id, process_instance_id, borrower_name, borrower_key, "
        + "phone_cipher, phone_masked, id_number_cipher, vehicle_plate, vehicle_vin, vehicle_status, overdue_amount, "
        + "days_past_due, prior_overdue_count, wecom_state, opened_at, closed_at, case_outcome) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cases);
    jdbc.batchUpdate("insert into case_archive (case_id, loan_id, case_outcome, escalation_reason, closed_at, amount_due, "
        + "amount_repaid, record_cipher, record_sha256) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", archives);
    jdbc.batchUpdate("insert into payment (payment_id, loan_id, case_id, amount, paid_at, received_at) "
        + "values (?, ?, ?, ?, ?, ?)", payments);
    jdbc.batchUpdate("insert into repayment_plan (case_id, plan_no, plan_type, repaid_before, agreed_at, agreed_by) "
        + "values (?, ?, ?, ?, ?, ?)", plans);
    jdbc.batchUpdate("insert into ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_, ROOT_PROC_INST_ID_, "
        + "EXECUTION_ID_, ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_, ACT_INST_STATE_, SEQUENCE_COUNTER_) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", activities);
    jdbc.batchUpdate("insert into ACT_HI_DECINST (ID_, DEC_DEF_ID_, DEC_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, "
        + "PROC_INST_ID_, ACT_ID_, EVAL_TIME_) values (?, 'overdueStrategy:1:bench', 'overdueStrategy', ?, ?, ?, "
        + "'assessCase', ?)", decisions);
    jdbc.batchUpdate("insert into ACT_HI_DEC_OUT (ID_, DEC_INST_ID_, CLAUSE_ID_, RULE_ID_, VAR_NAME_, VAR_TYPE_, TEXT_) "
        + "values (?, ?, ?, 'rule', ?, 'string', ?)", outputs);
    jdbc.batchUpdate("insert into ACT_RU_EXECUTION (ID_, REV_, PROC_INST_ID_, ROOT_PROC_INST_ID_, BUSINESS_KEY_, PARENT_ID_, "
        + "PROC_DEF_ID_, PROC_DEF_KEY_, ACT_ID_, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_, "
        + "CACHED_ENT_STATE_, SEQUENCE_COUNTER_) values (?, 1, ?, ?, ?, ?, ?, ?, ?, true, false, true, false, 1, 0, 1)",
        executions.stream().map(e -> new Object[] {e[0], e[1], e[1], e[1], e[2], definitionId, PROCESS_KEY, e[3]}).toList());
    jdbc.batchUpdate("insert into ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_, "
        + "ASSIGNEE_, PRIORITY_, CREATE_TIME_, DUE_DATE_, FOLLOW_UP_DATE_, SUSPENSION_STATE_) "
        + "values (?, 1, ?, ?, ?, ?, ?, ?, 50, ?, ?, ?, 1)", tasks);
    jdbc.batchUpdate("insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) values (?, 1, ?, 'candidate', ?)",
        links);
    jdbc.batchUpdate("insert into ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, EXECUTION_ID_, PROCESS_INSTANCE_ID_, "
        + "PROCESS_DEF_ID_, PROCESS_DEF_KEY_, RETRIES_, DUEDATE_, HANDLER_TYPE_, SUSPENSION_STATE_, PRIORITY_) "
        + "values (?, 1, 'timer', true, ?, ?, ?, '" + PROCESS_KEY + "', 3, ?, 'timer-intermediate-transition', 1, 0)", jobs);
  }

  private void activity(List<Object[]> rows, String pi, String activityId, String type, Instant start, Instant end,
      int state) {
    rows.add(new Object[] {idPrefix + "ai-" + (ids++), PROCESS_KEY, definitionId, pi, pi, pi, activityId, type, ts(start),
        ts(end), end == null ? 0 : state == 0 ? 4 : state});
  }

  private void decision(List<Object[]> decisions, List<Object[]> outputs, String pi, Instant at, String risk,
      String strategy) {
    String id = idPrefix + "dec-" + (ids++);
    decisions.add(new Object[] {id, PROCESS_KEY, definitionId, pi, ts(at)});
    outputs.add(new Object[] {idPrefix + "out-" + (ids++), id, "outputRiskLevel", "riskLevel", risk});
    outputs.add(new Object[] {idPrefix + "out-" + (ids++), id, "outputStrategy", "strategy", strategy});
  }

  private static List<String> groups(String task) {
    return switch (task) {
      case "callBorrower", "verifyBorrower", "negotiatePlan" -> List.of("collection-agent", "collection-supervisor");
      case "handleLitigation", "repossessVehicle" -> List.of("legal-officer");
      default -> List.of("collection-supervisor");
    };
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
