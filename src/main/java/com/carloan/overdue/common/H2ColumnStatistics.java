package com.carloan.overdue.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On the embedded H2, what its planner must know about Camunda's tables before it has counted anything.
 *
 * <p>H2 chooses an index by each column's selectivity, which it measures only after a table has changed
 * 2,000 times (then after 4,000 more, 8,000 more, …); until then every column counts as 50 % distinct. The
 * engine reads a scope's variables with {@code EXECUTION_ID_ = ? and TASK_ID_ is null}, and at 50 % for both H2
 * reads them through the task index instead: every process variable of every case (52,071 rows at 4,100
 * cases, for the 13 of one scope). H2 also keeps a statement's plan for as long as the pooled connection lives
 * ({@code QUERY_CACHE_SIZE}), so a plan made on the first, empty tables stays with the connection, measured
 * or not. Here the columns of the engine's hot lookups get, on a database H2 has not measured yet, the
 * selectivity H2's own {@code ANALYZE} gives them on a database with cases: {@code TASK_ID_} of variables
 * nearly always empty (1), {@code EXECUTION_ID_} one scope's dozen of many (8). H2 replaces them with its own
 * figures once it measures. PostgreSQL measures itself (autovacuum) and gets nothing.
 *
 * <p>A setting of H2's on Camunda's tables, like the indexes of {@link EngineTableIndexes}: the engine's SQL
 * runs as the engine writes it.
 */
@Component
class H2ColumnStatistics extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(H2ColumnStatistics.class);

  /** H2's selectivity of a column it has never measured. */
  static final int UNMEASURED = 50;

  record Selectivity(String table, String column, int percent) {}

  static final List<Selectivity> COLUMNS = List.of(
      new Selectivity("ACT_RU_VARIABLE", "TASK_ID_", 1),
      new Selectivity("ACT_RU_VARIABLE", "EXECUTION_ID_", 8));

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!"h2".equals(configuration.getDatabaseType())) {
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection()) {
      apply(connection);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // the queries still work, only slower until H2 measures the tables: never keep the engine from starting
      log.warn("Could not set H2's column selectivity on Camunda's tables: {}", e.getMessage());
    }
  }

  /** Sets each column's selectivity where H2 has not measured it yet; a measured one stays as H2 measured it. */
  static void apply(Connection connection) throws SQLException {
    for (Selectivity s : COLUMNS) {
      if (selectivity(connection, s) == UNMEASURED) {
        try (Statement alter = connection.createStatement()) {
          alter.execute("alter table " + s.table() + " alter column " + s.column() + " selectivity " + s.percent());
        }
      }
    }
  }

  static int selectivity(Connection connection, Selectivity s) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("select selectivity from information_schema.columns"
        + " where table_schema = current_schema() and table_name = ? and column_name = ?")) {
      query.setString(1, s.table());
      query.setString(2, s.column());
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getInt(1) : -1;
      }
    }
  }
}
