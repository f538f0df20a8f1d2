package com.carloan.overdue.allocation;

import com.carloan.overdue.allocation.Ownership.PoolReason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The ownership tables (db/migration V30). Portable SQL: H2 2.x and PostgreSQL. */
@Repository
class OwnershipStore {

  private static final String COLUMNS = "case_id, loan_id, process_instance_id, team, owner, pooled_reason, bucket, "
      + "allocated_at, held_until, next_bucket_at, closed_at";

  private static final RowMapper<Ownership> ROW = (rs, n) -> new Ownership(rs.getLong("case_id"),
      rs.getString("loan_id"), rs.getString("process_instance_id"), rs.getString("team"), rs.getString("owner"),
      rs.getString("pooled_reason") == null ? null : PoolReason.valueOf(rs.getString("pooled_reason")),
      Bucket.valueOf(rs.getString("bucket")), instant(rs, "allocated_at"), instant(rs, "held_until"),
      instant(rs, "next_bucket_at"), instant(rs, "closed_at"));

  private static final RowMapper<OwnershipChange> CHANGE = (rs, n) -> new OwnershipChange(
      OwnershipChange.Kind.valueOf(rs.getString("kind")), instant(rs, "at"), rs.getString("actor"),
      rs.getString("from_agent"), rs.getString("to_agent"), rs.getString("from_team"), rs.getString("to_team"),
      rs.getString("from_bucket"), rs.getString("to_bucket"), instant(rs, "held_until"), rs.getString("reason"));

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final DataSource dataSource;

  OwnershipStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.dataSource = jdbc.getDataSource();
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  Optional<Ownership> find(long caseId) {
    return jdbc.query("select " + COLUMNS + " from case_ownership where case_id = ?", ROW, caseId).stream().findFirst();
  }

  /** The row, locked until the transaction ends: moves of one case run one after the other. */
  Optional<Ownership> lock(long caseId) {
    return jdbc.query("select " + COLUMNS + " from case_ownership where case_id = ? for update", ROW, caseId)
        .stream().findFirst();
  }

  /**
   * Locks the team until the transaction ends, so that allocations to one team, on any node, count and
   * choose one after the other: two never give the same agent the last free place.
   */
  void lockTeam(String team) {
    if (jdbc.queryForList("select team from collection_team where team = ? for update", String.class, team).isEmpty()) {
      createTeamRow(team);
      jdbc.queryForList("select team from collection_team where team = ? for update", String.class, team);
    }
  }

  // A team's first allocation creates its row. Two at once: the second insert fails on the key, and a failed
  // statement aborts a PostgreSQL transaction, hence the savepoint (the caller always runs in a transaction).
  private void createTeamRow(String team) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      Savepoint savepoint = connection.setSavepoint();
      try {
        jdbc.update("insert into collection_team (team) values (?)", team);
        connection.releaseSavepoint(savepoint);
      } catch (DuplicateKeyException createdMeanwhile) {
        connection.rollback(savepoint);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the allocation row of team " + team, e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  void insert(Ownership o) {
    jdbc.update("insert into case_ownership (" + COLUMNS + ", version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        o.caseId(), o.loanId(), o.processInstanceId(), o.team(), o.owner(), name(o.pooledReason()), o.bucket().name(),
        ts(o.allocatedAt()), ts(o.heldUntil()), ts(o.nextBucketAt()), ts(o.closedAt()));
  }

  void update(Ownership o) {
    jdbc.update("update case_ownership set team = ?, owner = ?, pooled_reason = ?, bucket = ?, allocated_at = ?, "
        + "held_until = ?, next_bucket_at = ?, closed_at = ?, version = version + 1 where case_id = ?",
        o.team(), o.owner(), name(o.pooledReason()), o.bucket().name(), ts(o.allocatedAt()), ts(o.heldUntil()),
        ts(o.nextBucketAt()), ts(o.closedAt()), o.caseId());
  }

  void close(long caseId, Instant at) {
    jdbc.update("update case_ownership set closed_at = ?, held_until = null, next_bucket_at = null, "
        + "version = version + 1 where case_id = ? and closed_at is null", ts(at), caseId);
  }

  /** Open owned cases per agent, for those of {@code userIds} that own any. */
  Map<String, Integer> openCases(Collection<String> userIds) {
    Map<String, Integer> counts = new HashMap<>();
    if (userIds.isEmpty()) {
      return counts;
    }
    named.query("select owner, count(*) as open_cases from case_ownership where owner in (:owners) "
        + "and closed_at is null group by owner", new MapSqlParameterSource("owners", userIds),
        rs -> {
          counts.put(rs.getString("owner"), rs.getInt("open_cases"));
        });
    return counts;
  }

  List<Ownership> openOwnedBy(String userId) {
    return jdbc.query("select " + COLUMNS + " from case_ownership where owner = ? and closed_at is null order by case_id",
        ROW, userId);
  }

  /** The oldest cases waiting in a team's pool for the reason given. */
  List<Ownership> pooled(String team, PoolReason reason, int limit) {
    return jdbc.query("select " + COLUMNS + " from case_ownership where team = ? and closed_at is null and owner is null "
        + "and pooled_reason = ? order by case_id fetch first " + limit + " rows only", ROW, team, reason.name());
  }

  List<String> teamsWithPool(PoolReason reason) {
    return jdbc.queryForList("select distinct team from case_ownership where closed_at is null and owner is null "
        + "and pooled_reason = ?", String.class, reason.name());
  }

  List<Long> dueForBucketMove(Instant now, int limit) {
    return jdbc.queryForList("select case_id from case_ownership where next_bucket_at <= ? and closed_at is null "
        + "order by next_bucket_at fetch first " + limit + " rows only", Long.class, ts(now));
  }

  List<Long> holdingEnded(Instant now, int limit) {
    return jdbc.queryForList("select case_id from case_ownership where held_until <= ? and closed_at is null "
        + "and owner is not null order by held_until fetch first " + limit + " rows only", Long.class, ts(now));
  }

  // --- agents -----------------------------------------------------------------------------------

  record AgentRow(String userId, boolean available, String reason, Instant changedAt, String changedBy,
      Instant lastAllocatedAt) {
  }

  Map<String, AgentRow> agents(Collection<String> userIds) {
    Map<String, AgentRow> rows = new HashMap<>();
    if (userIds.isEmpty()) {
      return rows;
    }
    named.query("select user_id, available, reason, changed_at, changed_by, last_allocated_at from collection_agent "
        + "where user_id in (:ids)", new MapSqlParameterSource("ids", userIds), rs -> {
          rows.put(rs.getString("user_id"), new AgentRow(rs.getString("user_id"), rs.getBoolean("available"),
              rs.getString("reason"), instant(rs, "changed_at"), rs.getString("changed_by"),
              instant(rs, "last_allocated_at")));
        });
    return rows;
  }

  /**
   * Stamps the agent's latest allocation, always after every earlier stamp: allocations within one instant (a
   * pool drained in one loop, a frozen business clock) keep their order, so "allocated to least recently"
   * does not fall back to the user id.
   */
  void allocatedTo(String userId, Instant at) {
    Timestamp latest = jdbc.queryForObject("select max(last_allocated_at) from collection_agent", Timestamp.class);
    Instant stamp = latest == null || latest.toInstant().isBefore(at) ? at : latest.toInstant().plus(1, ChronoUnit.MICROS);
    if (jdbc.update("update collection_agent set last_allocated_at = ? where user_id = ?", ts(stamp), userId) == 0) {
      jdbc.update("insert into collection_agent (user_id, available, last_allocated_at) values (?, true, ?)",
          userId, ts(stamp));
    }
  }

  void setAvailability(String userId, boolean available, String reason, String by, Instant at) {
    if (jdbc.update("update collection_agent set available = ?, reason = ?, changed_at = ?, changed_by = ? "
        + "where user_id = ?", available, reason, ts(at), by, userId) == 0) {
      jdbc.update("insert into collection_agent (user_id, available, reason, changed_at, changed_by) "
          + "values (?, ?, ?, ?, ?)", userId, available, reason, ts(at), by);
    }
  }

  // --- history ----------------------------------------------------------------------------------

  void record(Ownership o, OwnershipChange change) {
    jdbc.update("insert into ownership_event (case_id, loan_id, kind, at, actor, from_agent, to_agent, from_team, "
        + "to_team, from_bucket, to_bucket, held_until, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        o.caseId(), o.loanId(), change.kind().name(), ts(change.time()), change.actor(), change.fromAgent(),
        change.toAgent(), change.fromTeam(), change.toTeam(), change.fromBucket(), change.toBucket(),
        ts(change.heldUntil()), change.reason());
  }

  List<OwnershipChange> history(long caseId) {
    return jdbc.query("select kind, at, actor, from_agent, to_agent, from_team, to_team, from_bucket, to_bucket, "
        + "held_until, reason from ownership_event where case_id = ? order by id", CHANGE, caseId);
  }

  /** Whether the user owns or owned the case at any time. */
  boolean ownsOrOwned(long caseId, String userId) {
    return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from ownership_event where to_agent = ? "
        + "and case_id = ?", Boolean.class, userId, caseId));
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
