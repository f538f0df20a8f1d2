package com.carloan.overdue.modelchange;

import com.carloan.overdue.api.RequestRejected;
import com.carloan.overdue.common.BusinessClock;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the running cases of one version to another (CONTRACT §6) with Camunda's batch migration: the engine's
 * jobs migrate one case each, in the job's own transaction, so a node that stops mid-way leaves every case either
 * moved or not, and the jobs left over run on whichever node starts next; a moved case is never moved again.
 * The cases that cannot move (see {@link VersionMapping}) are not handed to the batch: they stay on their version
 * and are listed with their reason from the start. A batch job that fails out of retries lists its case too.
 */
@Component
class CaseMigrations {

  enum State { RUNNING, COMPLETED, FAILED }

  record Failure(String loanId, String reason) {}

  record Progress(String migrationId, int fromVersion, int toVersion, State status, int migrated, List<Failure> failed) {}

  private static final Logger log = LoggerFactory.getLogger(CaseMigrations.class);
  /** Ids per history query: well within every database's limit for an IN list. */
  private static final int CHUNK = 1000;
  private static final int REASON_LENGTH = 1000;

  private final VersionMapping mapping;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final JdbcTemplate jdbc;
  private final BusinessClock clock;

  CaseMigrations(VersionMapping mapping, RuntimeService runtime, ManagementService management, HistoryService history,
      JdbcTemplate jdbc, BusinessClock clock) {
    this.mapping = mapping;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Starts moving every case that can move; the batch and its record commit together.
   * @return the migration's id (the engine batch's)
   * @throws RequestRejected 409 when nothing can move or a migration of the same version still runs
   */
  @Transactional
  String start(ProcessDefinition source, ProcessDefinition target, String requestedBy) {
    // one that has run out since anyone last asked is recorded as finished here, and frees its version
    for (String id : jdbc.queryForList("select id from case_migration where running_source = ?", String.class,
        source.getId())) {
      if (progress(id).filter(p -> p.status() == State.RUNNING).isPresent()) {
        throw RequestRejected.conflict("Migration " + id + " of version " + source.getVersion()
            + " is still running; wait for it to finish");
      }
    }
    VersionMapping.Assessment assessment = mapping.assess(source, target);
    if (assessment.plan() == null) {
      throw RequestRejected.conflict("Version " + source.getVersion() + " cannot be mapped onto version "
          + target.getVersion() + ": " + assessment.problems().stream().map(VersionMapping.Problem::reason)
          .collect(Collectors.joining("; ")));
    }
    if (assessment.moving().isEmpty()) {
      throw RequestRejected.conflict("No running case of version " + source.getVersion() + " can move to version "
          + target.getVersion() + " (" + assessment.cases() + " running, " + assessment.staying().size() + " staying)");
    }
    List<String> moving = assessment.moving().stream().map(VersionMapping.Case::processInstanceId).toList();
    Batch batch = runtime.newMigration(assessment.plan()).processInstanceIds(moving).executeAsync();
    try {
      jdbc.update("insert into case_migration (id, from_version, to_version, source_definition_id, "
          + "target_definition_id, running_source, requested_by, requested_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          batch.getId(), source.getVersion(), target.getVersion(), source.getId(), target.getId(), source.getId(),
          requestedBy, Timestamp.from(clock.now()), State.RUNNING.name());
    } catch (DuplicateKeyException startedMeanwhile) {
      throw RequestRejected.conflict("A migration of version " + source.getVersion() + " was started meanwhile");
    }
    List<Object[]> rows = new ArrayList<>();
    assessment.moving().forEach(c -> rows.add(new Object[] {batch.getId(), c.processInstanceId(), c.loanId(), true, null}));
    assessment.staying().forEach(s -> rows.add(new Object[] {batch.getId(), s.which().processInstanceId(),
        s.which().loanId(), false, truncate(s.reason())}));
    jdbc.batchUpdate("insert into case_migration_case (migration_id, process_instance_id, loan_id, submitted, failure) "
        + "values (?, ?, ?, ?, ?)", rows);
    log.info("Migration {} started by {}: {} cases of version {} to version {}, {} staying", batch.getId(), requestedBy,
        moving.size(), source.getVersion(), target.getVersion(), assessment.staying().size());
    return batch.getId();
  }

  /** Where the migration stands; once its batch has run out, the outcome is recorded and no longer computed. */
  @Transactional
  Optional<Progress> progress(String migrationId) {
    List<Record> found = jdbc.query("select from_version, to_version, target_definition_id, status, migrated "
        + "from case_migration where id = ?", (rs, n) -> new Record(rs.getInt(1), rs.getInt(2), rs.getString(3),
        State.valueOf(rs.getString(4)), (Integer) rs.getObject(5)), migrationId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Record m = found.get(0);
    if (m.status() != State.RUNNING) {
      return Optional.of(new Progress(migrationId, m.from(), m.to(), m.status(), m.migrated(), failures(migrationId)));
    }
    List<String> submitted = jdbc.queryForList("select process_instance_id from case_migration_case "
        + "where migration_id = ? and submitted", String.class, migrationId);
    // The batch first: once it has run out, no job of it is still moving a case, so the count that follows is final.
    // (Counted first, a job committing in between would leave its case counted as not moved.)
    Batch batch = management.createBatchQuery().batchId(migrationId).singleResult();
    boolean ended = batch == null || ranOut(batch);
    Set<String> moved = movedTo(m.targetDefinitionId(), submitted);
    if (!ended) {
      return Optional.of(new Progress(migrationId, m.from(), m.to(), State.RUNNING, moved.size(), failures(migrationId)));
    }
    List<String> jobFailures = batch == null ? List.of() : management.createJobQuery()
        .jobDefinitionId(batch.getBatchJobDefinitionId()).noRetriesLeft().list().stream()
        .map(Job::getExceptionMessage).filter(message -> message != null).toList();
    List<Object[]> notMoved = new ArrayList<>();
    for (String id : submitted) {
      if (!moved.contains(id)) {
        notMoved.add(new Object[] {truncate(reason(id, batch, jobFailures)), migrationId, id});
      }
    }
    jdbc.batchUpdate("update case_migration_case set failure = ? where migration_id = ? and process_instance_id = ?",
        notMoved);
    State outcome = notMoved.isEmpty() ? State.COMPLETED : State.FAILED;
    jdbc.update("update case_migration set status = ?, migrated = ?, finished_at = ?, running_source = null "
        + "where id = ? and status = ?", outcome.name(), moved.size(), Timestamp.from(clock.now()), migrationId,
        State.RUNNING.name());
    log.info("Migration {} finished {}: {} moved, {} could not move", migrationId, outcome, moved.size(), notMoved.size());
    return Optional.of(new Progress(migrationId, m.from(), m.to(), outcome, moved.size(), failures(migrationId)));
  }

  /** Seeded, and every job left has failed out of retries (none left at all: done; the monitor removes it soon). */
  private boolean ranOut(Batch batch) {
    if (management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).count() > 0) {
      return false;
    }
    BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batch.getId()).singleResult();
    return statistics.getRemainingJobs() == statistics.getFailedJobs();
  }

  private Set<String> movedTo(String targetDefinitionId, List<String> processInstanceIds) {
    Set<String> moved = new HashSet<>();
    for (int from = 0; from < processInstanceIds.size(); from += CHUNK) {
      Set<String> chunk = Set.copyOf(processInstanceIds.subList(from, Math.min(from + CHUNK, processInstanceIds.size())));
      history.createHistoricProcessInstanceQuery().processInstanceIds(chunk).processDefinitionId(targetDefinitionId)
          .list().stream().map(HistoricProcessInstance::getId).forEach(moved::add);
    }
    return moved;
  }

  private static String reason(String processInstanceId, Batch batch, List<String> jobFailures) {
    if (batch == null) {
      return "the migration's batch was removed before it moved this case";
    }
    return jobFailures.stream().filter(message -> message.contains(processInstanceId)).findFirst()
        .or(() -> jobFailures.stream().findFirst())
        .map(message -> "Camunda could not move it: " + message)
        .orElse("Camunda could not move it");
  }

  private List<Failure> failures(String migrationId) {
    return jdbc.query("select loan_id, failure from case_migration_case where migration_id = ? and failure is not null "
        + "order by submitted, loan_id", (rs, n) -> new Failure(rs.getString(1), rs.getString(2)), migrationId);
  }

  private static String truncate(String reason) {
    return reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH - 1) + "…";
  }

  private record Record(int from, int to, String targetDefinitionId, State status, Integer migrated) {}
}
