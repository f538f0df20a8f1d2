package com.carloan.overdue.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On embedded H2, a page of tasks read along the index that already has the page's order.
 *
 * <p>H2 picks a table's index by the conditions alone, never by the {@code ORDER BY … LIMIT}: for an
 * agent's search for a free call ({@code TASK_DEF_KEY_ = 'callBorrower' … order by RES.ID_ LIMIT 1}) it
 * reads all 28,000 calls through the step index and sorts them to return one (1.5 s in the benchmark), where
 * walking the primary key stops after a hundred rows (14 ms); the Collection queue's page the same with
 * its order index. PostgreSQL weighs the limit itself and is left alone.
 *
 * <p>{@code USE INDEX} only narrows H2's choice of index; the result and its order stay those of the
 * statement. The hint is added only where it cannot turn a lookup into a walk: a page ({@code LIMIT ?
 * OFFSET ?}) of the task table alone, sorted ascending by columns an index starts with, whose own
 * conditions are the queues' unselective ones (task definition keys, claimed or not, no tenant) besides
 * the candidate-group and authorization tests. A query for one process instance, one assignee or one
 * task keeps H2's own choice.
 */
final class H2TaskPageOrder {

  private static final Pattern PAGE = Pattern.compile("^select RES\\.REV_, RES\\.ID_,.* from ACT_RU_TASK RES "
      + "(left join ACT_RE_PROCDEF D on RES\\.PROC_DEF_ID_ = D\\.ID_ )?WHERE (.*) order by "
      + "(RES\\.[A-Z_]+ asc(?:, RES\\.[A-Z_]+ asc)*) LIMIT \\? OFFSET \\?$");
  /** The conditions a queue may have that no index of H2's choosing would serve better than the order's. */
  private static final List<Pattern> UNSELECTIVE = List.of(
      Pattern.compile("RES\\.TASK_DEF_KEY_ (?:= \\?|in \\( \\?(?: , \\?)* \\))"),
      Pattern.compile("RES\\.ASSIGNEE_ (?i:is (?:not )?null)"),
      Pattern.compile("RES\\.TENANT_ID_ is null"),
      Pattern.compile("RES\\.CASE_EXECUTION_ID_ IS NOT NULL"),
      Pattern.compile("I\\.TASK_ID_ = RES\\.ID_"),
      Pattern.compile("A\\.RESOURCE_ID_ IN \\(RES\\.ID_ , D\\.KEY_ , '\\*'\\)"),
      Pattern.compile("RES\\.ID_ IN \\(SELECT A\\.RESOURCE_ID_ FROM"));

  private final AtomicLong hinted = new AtomicLong();
  private final Object lock = new Object();
  private Map<String, List<String>> indexes;
  private long loadedAt;

  /**
   * @param sql a task query as {@link TaskQuerySemiJoin} left it
   * @param connection the statement's connection, to read the task table's indexes once
   * @return the statement with {@code USE INDEX} on the task table, or the same text
   */
  String hint(String sql, Connection connection) {
    Matcher page = PAGE.matcher(sql);
    if (!page.matches()) {
      return sql;
    }
    String conditions = page.group(2);
    for (Pattern unselective : UNSELECTIVE) {
      conditions = unselective.matcher(conditions).replaceAll("");
    }
    if (conditions.contains("RES.")) {
      return sql;
    }
    List<String> order = new ArrayList<>();
    for (String column : page.group(3).split(", ")) {
      order.add(column.substring("RES.".length(), column.length() - " asc".length()));
    }
    String index = indexFor(order, connection);
    if (index == null) {
      return sql;
    }
    hinted.incrementAndGet();
    return sql.replaceFirst(" from ACT_RU_TASK RES ", " from ACT_RU_TASK RES USE INDEX (" + index + ") ");
  }

  /** How many pages were read along their order's index since start. */
  long hinted() {
    return hinted.get();
  }

  /** The index whose columns start with the order's, the shortest such; read again when none is known. */
  private String indexFor(List<String> order, Connection connection) {
    synchronized (lock) {
      String index = find(order);
      // System.nanoTime() has an arbitrary origin: the first read must not depend on its value
      if (index == null && (indexes == null || System.nanoTime() - loadedAt > 60_000_000_000L)) {
        indexes = load(connection);
        loadedAt = System.nanoTime();
        index = find(order);
      }
      return index;
    }
  }

  private String find(List<String> order) {
    if (indexes == null) {
      return null;
    }
    String best = null;
    for (Map.Entry<String, List<String>> index : indexes.entrySet()) {
      List<String> columns = index.getValue();
      if (columns.size() >= order.size() && columns.subList(0, order.size()).equals(order)
          && (best == null || columns.size() < indexes.get(best).size())) {
        best = index.getKey();
      }
    }
    return best;
  }

  private static Map<String, List<String>> load(Connection connection) {
    Map<String, List<String>> indexes = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement("select INDEX_NAME, COLUMN_NAME "
        + "from INFORMATION_SCHEMA.INDEX_COLUMNS where TABLE_SCHEMA = SCHEMA() and TABLE_NAME = 'ACT_RU_TASK' "
        + "and ORDERING_SPECIFICATION = 'ASC' order by INDEX_NAME, ORDINAL_POSITION");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        indexes.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(rows.getString(2));
      }
    } catch (SQLException e) {
      // no hints then: H2 runs the statements as written
      return Map.of();
    }
    return indexes;
  }
}
