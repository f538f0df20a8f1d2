package com.carloan.overdue.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The engine's lookup of a scope's variables on a fresh H2 database with Camunda's own schema: how H2 plans it
 * before it has measured the table, and after {@link H2ColumnStatistics}.
 */
class H2ColumnStatisticsTest {

  /** The condition of the engine's selectVariablesByExecutionId, as H2 gets it: with a parameter. */
  private static final String SCOPE_VARIABLES = "explain select RES.* from ACT_RU_VARIABLE RES"
      + " left join ACT_RU_EXECUTION EXECUTION on RES.EXECUTION_ID_ = EXECUTION.ID_"
      + " where EXECUTION_ID_ = ? and TASK_ID_ is null";

  private SingleConnectionDataSource db;
  private Connection connection;

  @BeforeEach
  void camundasSchema() throws SQLException {
    db = new SingleConnectionDataSource("jdbc:h2:mem:statistics-" + UUID.randomUUID(), "sa", "", true);
    new ResourceDatabasePopulator(
        new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.h2.create.engine.sql"),
        new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.h2.create.case.engine.sql"))
        .execute(db);
    connection = db.getConnection();
  }

  @AfterEach
  void close() {
    db.destroy();
  }

  @Test
  void unmeasuredH2ReadsAScopesVariablesThroughTheTaskIndexOfEveryVariable() throws SQLException {
    assertThat(H2ColumnStatistics.selectivity(connection, H2ColumnStatistics.COLUMNS.get(0)))
        .isEqualTo(H2ColumnStatistics.UNMEASURED);
    assertThat(plan()).contains("ACT_IDX_VARIABLE_TASK_ID: TASK_ID_ IS NULL");
  }

  @Test
  void withTheSelectivitiesItReadsThemThroughTheExecutionIndex() throws SQLException {
    H2ColumnStatistics.apply(connection);

    assertThat(plan()).contains("ACT_FK_VAR_EXE").doesNotContain("ACT_IDX_VARIABLE_TASK_ID");
    for (H2ColumnStatistics.Selectivity s : H2ColumnStatistics.COLUMNS) {
      assertThat(H2ColumnStatistics.selectivity(connection, s)).as(s.column()).isEqualTo(s.percent());
    }
  }

  @Test
  void aColumnH2HasMeasuredKeepsItsFigure() throws SQLException {
    try (Statement analyzed = connection.createStatement()) {
      analyzed.execute("alter table ACT_RU_VARIABLE alter column TASK_ID_ selectivity 30");
    }
    H2ColumnStatistics.apply(connection);

    assertThat(H2ColumnStatistics.selectivity(connection, H2ColumnStatistics.COLUMNS.get(0))).isEqualTo(30);
  }

  private String plan() throws SQLException {
    try (PreparedStatement explain = connection.prepareStatement(SCOPE_VARIABLES)) {
      explain.setString(1, "an-execution");
      try (ResultSet row = explain.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }
}
