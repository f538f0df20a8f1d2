package com.carloan.overdue.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes of the application's own on Camunda's tables, created once the engine has built its schema.
 *
 * <p>Why not a Flyway migration: Camunda creates its tables when the engine is built, and on a fresh
 * database Flyway may run before that (the order of Spring beans decides), so a migration naming an
 * {@code ACT_} table could fail the first start. A process engine plugin runs once the schema exists.
 * {@code create index if not exists} and {@code drop index if exists} (H2 and PostgreSQL) make every
 * later start a no-op.
 *
 * <p>Why it is safe: additional, non-unique indexes with our own names ({@code COLL_} prefix, never
 * Camunda's {@code ACT_IDX_}) are invisible to the engine; Camunda's upgrade scripts drop and alter only
 * their own objects. The cost is one more B-tree entry per row written. Where DBAs manage Camunda's schema
 * themselves, switch the subclass off and create the indexes by hand (each subclass lists its own).
 */
public abstract class EngineTableIndexes extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineTableIndexes.class);

  private ProcessEngineConfigurationImpl configuration;

  /**
   * @return index name → {@code create index if not exists …}, or {@code drop index if exists …} for one
   *     an earlier version created and no query needs any more
   */
  protected abstract Map<String, String> indexes();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> index : indexes().entrySet()) {
        try {
          statement.execute(index.getValue());
        } catch (SQLException e) {
          // The queries still work without it, only slower: never keep the engine from starting for this.
          log.warn("Could not create or drop index {}: {}", index.getKey(), e.getMessage());
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      log.warn("Could not create or drop the indexes {}: {}", indexes().keySet(), e.getMessage());
    }
  }
}
