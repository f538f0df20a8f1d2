package com.carloan.overdue.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One index on Camunda's activity history that the business figures need: counting how often an
 * activity of {@code carLoanOverdue} ended (escalations, WeCom adds, broken promises), ever or in the
 * last 30 days, without scanning millions of history rows.
 *
 * <p>Why here and not in a Flyway migration: Camunda creates its own tables when the engine is built,
 * and on a fresh database Flyway may run before that (the order of Spring beans decides), so a
 * migration naming {@code ACT_HI_ACTINST} could fail the first start. A process engine plugin runs
 * once the schema exists, like identity.IdentitySetup. {@code create index if not exists} (H2 and
 * PostgreSQL) makes it a no-op on every later start.
 *
 * <p>Why it is safe: an additional, non-unique index with our own name ({@code COLL_} prefix, never
 * Camunda's {@code ACT_IDX_}) is invisible to the engine; Camunda's upgrade scripts drop and alter only
 * their own objects; history cleanup deletes rows as before. The cost is one more B-tree entry per
 * activity instance written. Off with {@code collections.operations.engine-indexes=false} where DBAs
 * manage Camunda's schema themselves (then create it by hand, see db/migration/V20__kpi_indexes.sql).
 */
@Component
@ConditionalOnProperty(name = "collections.operations.engine-indexes", havingValue = "true", matchIfMissing = true)
class EngineIndexes extends AbstractProcessEnginePlugin {

  static final String ACTIVITY_ENDS = "create index if not exists COLL_IDX_HI_ACT_ENDS "
      + "on ACT_HI_ACTINST (PROC_DEF_KEY_, ACT_ID_, END_TIME_, ACT_INST_STATE_, PROC_INST_ID_)";

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(ACTIVITY_ENDS);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // The figures still work without it, only slower: never keep the engine from starting for this.
      log.warn("Could not create index COLL_IDX_HI_ACT_ENDS on ACT_HI_ACTINST: {}", e.getMessage());
    }
  }
}
