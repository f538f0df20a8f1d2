package com.carloan.overdue.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.identity.IdentityContext;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IdentityContext
class TasklistIndexesTest {

  @Autowired
  DataSource dataSource;
  @Autowired
  ProcessEngine engine;
  @Autowired
  TasklistIndexes indexes;

  @Test
  void theQueuesIndexIsOnTheTaskTable() throws SQLException {
    assertThat(indexesOn("ACT_RU_TASK")).contains(TasklistIndexes.ASSIGNEE_QUEUE);
  }

  @Test
  void theRightsCheckHasItsIndexesOnTheAuthorizations() throws SQLException {
    assertThat(indexesOn("ACT_RU_AUTHORIZATION")).contains(TasklistIndexes.AUTH_USER, "ACT_IDX_AUTH_GROUP_ID")
        .doesNotContain(TasklistIndexes.RETIRED);
  }

  @Test
  void indexesForTheOneSharedQueueGoAtStart() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      // as an earlier version created them
      statement.execute("create index if not exists COLL_IDX_TASK_QUEUE on ACT_RU_TASK (FOLLOW_UP_DATE_, CREATE_TIME_)");
      statement.execute("create index if not exists COLL_IDX_IDENT_LNK_GROUP "
          + "on ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_)");
    }
    assertThat(indexesOn("ACT_RU_TASK")).contains("COLL_IDX_TASK_QUEUE");

    indexes.postProcessEngineBuild(engine);

    assertThat(indexesOn("ACT_RU_TASK")).contains(TasklistIndexes.ASSIGNEE_QUEUE)
        .doesNotContain(TasklistIndexes.RETIRED);
    assertThat(indexesOn("ACT_RU_IDENTITYLINK")).doesNotContain(TasklistIndexes.RETIRED);
  }

  private Set<String> indexesOn(String table) throws SQLException {
    Set<String> names = new TreeSet<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      String name = metaData.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
      try (ResultSet rows = metaData.getIndexInfo(null, null, name, false, false)) {
        while (rows.next()) {
          if (rows.getString("INDEX_NAME") != null) {
            names.add(rows.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
          }
        }
      }
    }
    return names;
  }
}
