package com.carloan.overdue.intake;

import com.carloan.overdue.allocation.CaseOwners;
import com.carloan.overdue.record.pause.CasePauses;
import java.time.LocalDate;
import static com.carloan.overdue.process.CaseVariables.CASE_OUTCOME;
import static com.carloan.overdue.process.CaseVariables.ESCALATION_REASON;
import static com.carloan.overdue.process.CaseVariables.RISK_LEVEL;
import static com.carloan.overdue.process.CaseVariables.STRATEGY;

import com.carloan.overdue.common.BusinessClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The newest case of a loan, open or closed, from the case table, the payments and the engine's
 * history (which holds the variables of running and ended instances alike).
 */
@Service
class CaseViews {

  private final LoanCases cases;
  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final CaseOwners owners;
  private final CasePauses pauses;
  private final BusinessClock clock;

  CaseViews(LoanCases cases, JdbcTemplate jdbc, HistoryService history, TaskService tasks, RuntimeService runtime,
      CaseOwners owners, CasePauses pauses, BusinessClock clock) {
    this.owners = owners;
    this.pauses = pauses;
    this.clock = clock;
    this.cases = cases;
    this.jdbc = jdbc;
    this.history = history;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  CaseView view(LoanCase c) {
    String pi = c.processInstanceId();
    Map<String, Object> vars = variables(pi);
    BigDecimal repaid = jdbc.queryForObject("select coalesce(sum(amount), 0) from payment where case_id = ?",
        BigDecimal.class, c.id());
    Optional<CaseOwners.Place> place = owners.place(c.id());
    String outcome = c.caseOutcome() != null ? c.caseOutcome() : (String) vars.get(CASE_OUTCOME);
    return new CaseView(c.loanId(), pi, c.isOpen() ? CaseView.Status.OPEN : CaseView.Status.CLOSED,
        c.borrowerName(), c.phoneMasked(), new CaseView.Vehicle(c.vehiclePlate(), c.vehicleStatus()),
        c.overdueAmount(), c.amountDue(), c.amountWaived(), repaid, daysPastDue(c),
        place.map(CaseOwners.Place::bucket).orElse(null), place.map(CaseOwners.Place::team).orElse(null),
        place.map(CaseOwners.Place::owner).orElse(null), place.map(CaseOwners.Place::heldUntil).orElse(null),
        place.map(CaseOwners.Place::pooled).orElse(null), owners.history(c.id()), pauses.current(c.id()).orElse(null),
        (String) vars.get(RISK_LEVEL), (String) vars.get(STRATEGY),
        c.isOpen() ? activities(pi) : List.of(), c.isOpen() ? openTasks(pi) : List.of(),
        (String) vars.get(ESCALATION_REASON), outcome, time(c.openedAt()), time(c.closedAt()));
  }

  /** Days past due grow by one each business day while the case is open (CONTRACT §4). */
  private int daysPastDue(LoanCase c) {
    LocalDate opened = c.openedAt().atZone(BusinessClock.ZONE).toLocalDate();
    LocalDate until = c.isOpen() ? clock.today() : c.closedAt().atZone(BusinessClock.ZONE).toLocalDate();
    return c.daysPastDue() + (int) Math.max(0, until.toEpochDay() - opened.toEpochDay());
  }

  private Map<String, Object> variables(String pi) {
    Map<String, Object> values = new HashMap<>();
    if (pi == null) {
      return values;
    }
    // the process instance's own scope wins over a sub-process's local copy
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(pi)
        .variableNameIn(RISK_LEVEL, STRATEGY, ESCALATION_REASON, CASE_OUTCOME).list()) {
      if (v.getValue() != null && (!values.containsKey(v.getName()) || pi.equals(v.getActivityInstanceId()))) {
        values.put(v.getName(), v.getValue());
      }
    }
    return values;
  }

  /** The innermost activities the case is in, and the ones it is about to enter (async, waiting for a job). */
  private List<CaseView.Activity> activities(String pi) {
    List<CaseView.Activity> found = new ArrayList<>();
    ActivityInstance root = runtime.getActivityInstance(pi);
    if (root != null) {
      collect(root, found);
    }
    return found;
  }

  private static void collect(ActivityInstance instance, List<CaseView.Activity> found) {
    for (TransitionInstance waiting : instance.getChildTransitionInstances()) {
      found.add(new CaseView.Activity(waiting.getActivityId(), waiting.getActivityName(), waiting.getActivityType()));
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
        found.add(new CaseView.Activity(child.getActivityId(), child.getActivityName(), child.getActivityType()));
      } else {
        collect(child, found);
      }
    }
  }

  private List<CaseView.OpenTask> openTasks(String pi) {
    return tasks.createTaskQuery().processInstanceId(pi).orderByTaskCreateTime().asc().list().stream()
        .map(t -> new CaseView.OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(),
            time(t.getCreateTime()), time(t.getFollowUpDate())))
        .toList();
  }

  private static OffsetDateTime time(Instant at) {
    return at == null ? null : at.atZone(BusinessClock.ZONE).toOffsetDateTime();
  }

  private static OffsetDateTime time(Date at) {
    return at == null ? null : time(at.toInstant());
  }
}
