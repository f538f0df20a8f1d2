package com.carloan.overdue.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which task pages H2 reads along their order's index: the queues' pages and an agent's search, each
 * with the index its order starts with; never a count, a descending order, or a lookup by a selective
 * column. The index names come from the database itself (an in-memory H2 with the task table's
 * columns and the indexes the application creates).
 */
class H2TaskPageOrderTest {

  Connection h2;
  H2TaskPageOrder order = new H2TaskPageOrder();

  @BeforeEach
  void taskTable() throws Exception {
    h2 = DriverManager.getConnection("jdbc:h2:mem:pageorder;DB_CLOSE_DELAY=-1", "sa", "");
    try (Statement s = h2.createStatement()) {
      s.execute("create table ACT_RU_TASK (ID_ varchar(64) primary key, TASK_DEF_KEY_ varchar(255), "
          + "ASSIGNEE_ varchar(255), PROC_INST_ID_ varchar(64), TENANT_ID_ varchar(64), "
          + "FOLLOW_UP_DATE_ timestamp, CREATE_TIME_ timestamp)");
      s.execute("create index ACT_IDX_TASK_CREATE on ACT_RU_TASK (CREATE_TIME_)");
      s.execute("create index COLL_IDX_TASK_QUEUE on ACT_RU_TASK (FOLLOW_UP_DATE_, CREATE_TIME_)");
      s.execute("create index COLL_IDX_TASK_STEP on ACT_RU_TASK (TASK_DEF_KEY_, TENANT_ID_, ID_)");
    }
  }

  @AfterEach
  void drop() throws Exception {
    try (Statement s = h2.createStatement()) {
      s.execute("drop all objects");
    }
    h2.close();
  }

  @Test
  void theCollectionQueuesPageWalksTheQueueIndex() {
    String page = TaskQuerySemiJoin.rewrite(TaskQuerySemiJoinTest.PAGE);

    assertThat(order.hint(page, h2)).isEqualTo(page.replace(" from ACT_RU_TASK RES ",
        " from ACT_RU_TASK RES USE INDEX (COLL_IDX_TASK_QUEUE) "));
    assertThat(order.hinted()).isEqualTo(1);
  }

  @Test
  void anAgentsSearchWalksThePrimaryKey() {
    String find = TaskQuerySemiJoin.rewrite(TaskQuerySemiJoinTest.FIND);

    assertThat(order.hint(find, h2)).contains(" from ACT_RU_TASK RES USE INDEX (PRIMARY_KEY_")
        .endsWith("order by RES.ID_ asc LIMIT ? OFFSET ?");
  }

  @Test
  void aPageOrderedByCreationAloneTakesTheShortestIndexThatStartsWithIt() {
    String byCreation = TaskQuerySemiJoin.rewrite(TaskQuerySemiJoinTest.FIND)
        .replace("order by RES.ID_ asc", "order by RES.CREATE_TIME_ asc");

    assertThat(order.hint(byCreation, h2)).contains("USE INDEX (ACT_IDX_TASK_CREATE)");
  }

  @Test
  void lookupsCountsAndOtherOrdersKeepH2sOwnChoice() {
    String find = TaskQuerySemiJoin.rewrite(TaskQuerySemiJoinTest.FIND);
    // one process instance's tasks: its index finds them at once
    String oneCase = find.replace("RES.ASSIGNEE_ IS NULL", "RES.PROC_INST_ID_ = ?");
    assertThat(order.hint(oneCase, h2)).isEqualTo(oneCase);
    // one assignee's tasks
    String mine = find.replace("RES.ASSIGNEE_ IS NULL", "RES.ASSIGNEE_ = ?");
    assertThat(order.hint(mine, h2)).isEqualTo(mine);
    // newest first
    String descending = find.replace("order by RES.ID_ asc", "order by RES.ID_ desc");
    assertThat(order.hint(descending, h2)).isEqualTo(descending);
    // no index starts with the order
    String byName = find.replace("order by RES.ID_ asc", "order by RES.NAME_ asc");
    assertThat(order.hint(byName, h2)).isEqualTo(byName);
    // a count reads every row anyway
    String count = TaskQuerySemiJoin.rewrite(TaskQuerySemiJoinTest.COUNT);
    assertThat(order.hint(count, h2)).isEqualTo(count);
    assertThat(order.hinted()).isZero();
  }
}
