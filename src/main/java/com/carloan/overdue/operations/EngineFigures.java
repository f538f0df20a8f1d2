package com.carloan.overdue.operations;

import static com.carloan.overdue.process.CaseVariables.PROCESS_KEY;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Aggregates over Camunda's tables, in SQL: the engine's history (ACT_HI_*) for what happened and its
 * runtime (ACT_RU_*) for what is open now. Read-only; the engine's Java queries would load entities
 * one by one, which does not scale to a count over 100,000 cases.
 *
 * <p>Camunda writes its timestamps as the JVM's local time, so instants go in as {@link Timestamp}.
 */
@Repository
class EngineFigures {

  /** Camunda's ActivityInstanceState.CANCELED: an activity interrupted, e.g. by {@code DebtSettled}. */
  static final int CANCELED = 2;

  record ActivityCount(String activityId, int state, long instances, long cases) {}

  record Assessment(String riskLevel, String strategy, long cases) {}

  record QueueLoad(String taskKey, long open, long unassigned, long pastDeadline, long followUpDue) {}

  record Jobs(long due, long locked, long failed, long scheduled) {}

  private final JdbcTemplate jdbc;

  EngineFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * How often each activity ended (completed or canceled), and in how many cases; since an instant or,
   * when {@code since} is null, ever. One range scan per activity over the index {@link EngineIndexes}
   * adds: an IN list over its second column is not used as well by every database.
   */
  List<ActivityCount> endedActivities(Collection<String> activityIds, Instant since) {
    String window = since == null ? "END_TIME_ is not null" : "END_TIME_ >= ?";
    String sql = "select ACT_INST_STATE_, count(*), count(distinct PROC_INST_ID_) from ACT_HI_ACTINST "
        + "where PROC_DEF_KEY_ = ? and ACT_ID_ = ? and " + window + " group by ACT_INST_STATE_";
    List<ActivityCount> counts = new ArrayList<>();
    for (String activityId : activityIds) {
      Object[] args = since == null ? new Object[] {PROCESS_KEY, activityId}
          : new Object[] {PROCESS_KEY, activityId, Timestamp.from(since)};
      jdbc.query(sql, rs -> {
        counts.add(new ActivityCount(activityId, rs.getInt(1), rs.getLong(2), rs.getLong(3)));
      }, args);
    }
    return counts;
  }

  /** Cases by the assessment's outcome: the {@code overdueStrategy} decision's outputs, before any review. */
  List<Assessment> assessments() {
    return jdbc.query("select r.TEXT_, s.TEXT_, count(*) from ACT_HI_DECINST d "
        + "join ACT_HI_DEC_OUT r on r.DEC_INST_ID_ = d.ID_ and r.VAR_NAME_ = 'riskLevel' "
        + "join ACT_HI_DEC_OUT s on s.DEC_INST_ID_ = d.ID_ and s.VAR_NAME_ = 'strategy' "
        + "where d.DEC_DEF_KEY_ = 'overdueStrategy' and d.PROC_DEF_KEY_ = ? group by r.TEXT_, s.TEXT_",
        (rs, i) -> new Assessment(rs.getString(1), rs.getString(2), rs.getLong(3)), PROCESS_KEY);
  }

  /** Open cases by the latest lifecycle stage one of their executions is in. */
  Map<Stage, Long> openCasesByStage() {
    StringBuilder rank = new StringBuilder("case ACT_ID_");
    for (Stage stage : Stage.values()) {
      for (String activityId : stage.activityIds) {
        rank.append(" when '").append(activityId).append("' then ").append(stage.ordinal());
      }
    }
    rank.append(" end");
    Map<Stage, Long> cases = new HashMap<>();
    jdbc.query("select stage, count(*) from (select PROC_INST_ID_, max(" + rank + ") stage "
        + "from ACT_RU_EXECUTION where PROC_DEF_KEY_ = ? group by PROC_INST_ID_) x "
        + "where stage is not null group by stage",
        rs -> {
          cases.put(Stage.values()[rs.getInt(1)], rs.getLong(2));
        }, PROCESS_KEY);
    return cases;
  }

  /**
   * Open tasks of the process per task definition key: unassigned, past their deadline (their due date,
   * or without one their queue's allowed wait after follow-up date or creation), follow-up date reached.
   */
  List<QueueLoad> queues(Instant now, Map<String, Duration> deadlines) {
    List<Object> args = new ArrayList<>();
    Timestamp nowTs = Timestamp.from(now);
    StringBuilder waitedSince = new StringBuilder();
    if (!deadlines.isEmpty()) {
      waitedSince.append(" when t.DUE_DATE_ is null and coalesce(t.FOLLOW_UP_DATE_, t.CREATE_TIME_) < case t.TASK_DEF_KEY_");
      deadlines.forEach((taskKey, allowed) -> {
        waitedSince.append(" when ? then cast(? as timestamp)");
        args.add(taskKey);
        args.add(Timestamp.from(now.minus(allowed)));
      });
      waitedSince.append(" end then 1");
    }
    List<Object> all = new ArrayList<>();
    all.add(nowTs);
    all.addAll(args);
    all.add(nowTs);
    all.add(PROCESS_KEY);
    return jdbc.query("select t.TASK_DEF_KEY_, count(*), "
        + "sum(case when t.ASSIGNEE_ is null then 1 else 0 end), "
        + "sum(case when t.DUE_DATE_ < ? then 1" + waitedSince + " else 0 end), "
        + "sum(case when t.FOLLOW_UP_DATE_ <= ? then 1 else 0 end) "
        + "from ACT_RU_TASK t join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_ where d.KEY_ = ? "
        + "group by t.TASK_DEF_KEY_",
        (rs, i) -> new QueueLoad(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
        all.toArray());
  }

  /** Open tasks of the process a candidate group sees in its queue (a task may be in several). */
  Map<String, Long> openTasksByCandidateGroup() {
    Map<String, Long> tasks = new HashMap<>();
    jdbc.query("select l.GROUP_ID_, count(*) from ACT_RU_IDENTITYLINK l "
        + "join ACT_RU_TASK t on t.ID_ = l.TASK_ID_ join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_ "
        + "where l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null and d.KEY_ = ? group by l.GROUP_ID_",
        rs -> {
          tasks.put(rs.getString(1), rs.getLong(2));
        }, PROCESS_KEY);
    return tasks;
  }

  /** Open incidents of every process, by type (failedJob, ...). */
  Map<String, Long> openIncidentsByType() {
    Map<String, Long> incidents = new HashMap<>();
    jdbc.query("select INCIDENT_TYPE_, count(*) from ACT_RU_INCIDENT group by INCIDENT_TYPE_",
        rs -> {
          incidents.put(rs.getString(1), rs.getLong(2));
        });
    return Collections.unmodifiableMap(incidents);
  }

  /** The job executor's backlog, all processes: due and unlocked, locked, out of retries, waiting for their time. */
  Jobs jobs(Instant now) {
    Timestamp t = Timestamp.from(now);
    return jdbc.queryForObject("select "
        + "coalesce(sum(case when RETRIES_ > 0 and SUSPENSION_STATE_ = 1 and (DUEDATE_ is null or DUEDATE_ <= ?) "
        + "and (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ < ?) then 1 else 0 end), 0), "
        + "coalesce(sum(case when LOCK_EXP_TIME_ >= ? then 1 else 0 end), 0), "
        + "coalesce(sum(case when RETRIES_ = 0 then 1 else 0 end), 0), "
        + "coalesce(sum(case when RETRIES_ > 0 and DUEDATE_ > ? then 1 else 0 end), 0) from ACT_RU_JOB",
        (rs, i) -> new Jobs(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), t, t, t, t);
  }
}
