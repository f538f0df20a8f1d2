package com.carloan.overdue.identity;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second half of {@link AuthorizationSemiJoin}, for the engine's task query and its count: the
 * candidate-group criterion as a semi-join, and then no {@code distinct} where no row can repeat.
 *
 * <p>A queue such as "Collection queue" asks for the tasks of the user's candidate groups. The engine
 * joins every identity link of every task ({@code left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_})
 * and filters on {@code I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN (…) )}. A task in two of the user's
 * groups would come twice, so the engine selects {@code distinct} over all 23 task columns. A distinct
 * result has to be complete before its first row is known: at 28,000 queued calls each page read, checked,
 * de-duplicated and sorted all 28,000 (H2: 2.7 s per page; PostgreSQL: the count was most of a Tasklist
 * round's database time).
 *
 * <p>Asked as {@code EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND …)}, the
 * criterion keeps the same tasks and repeats none: the join only ever filtered (nothing else reads
 * {@code I.}), and the criterion is a plain conjunct or disjunct, never negated, so "some joined link
 * matches" and "a matching link exists" are the same test. When the tasks are then joined only with
 * their process definition (by its primary key, at most one row), no row can repeat and the
 * {@code distinct} goes: the database walks the queue's order index and stops with the page.
 *
 * <p>Only these exact shapes change; anything else (candidate users, group patterns, involved users,
 * ordering by variables, other joins) runs as the engine wrote it.
 */
final class TaskQuerySemiJoin {

  private static final Pattern LINK_JOIN = Pattern.compile(
      " left join ((?:[A-Za-z0-9_]+\\.)?)ACT_RU_IDENTITYLINK I on I\\.TASK_ID_ = RES\\.ID_(?= )");
  private static final Pattern CANDIDATE_GROUPS = Pattern.compile(
      "I\\.TYPE_ = 'candidate' and \\( (I\\.GROUP_ID_ IN \\( \\?(?: , \\?)* \\)) \\)");
  private static final Pattern LINK_COLUMN = Pattern.compile("\\bI\\.");
  /** From the task table to the conditions, when it joins nothing that could repeat a task. */
  private static final Pattern UNIQUE_ROWS = Pattern.compile(" from (?:[A-Za-z0-9_]+\\.)?ACT_RU_TASK RES"
      + "(?: (?:left|inner) join (?:[A-Za-z0-9_]+\\.)?ACT_RE_PROCDEF D on RES\\.PROC_DEF_ID_ = D\\.ID_)? WHERE ");

  static final String PAGE_DISTINCT = "select distinct RES.REV_, RES.ID_,";
  static final String COUNT_DISTINCT = "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from";

  private TaskQuerySemiJoin() {}

  /**
   * @param sql the task query or its count, its whitespace collapsed ({@link AuthorizationSemiJoin#collapse})
   * @return the statement with the candidate groups as a semi-join and without {@code distinct} where
   *     that is safe; the same text when neither applies. Placeholders keep their order.
   */
  static String rewrite(String sql) {
    return withoutDistinct(candidateGroupsExist(sql));
  }

  /** The identity-link join and its one criterion as {@code EXISTS}; the statement unchanged otherwise. */
  static String candidateGroupsExist(String sql) {
    Matcher join = LINK_JOIN.matcher(sql);
    if (!join.find()) {
      return sql;
    }
    String prefix = join.group(1);
    int joinStart = join.start();
    int joinEnd = join.end();
    if (join.find()) {
      return sql;
    }
    String withoutJoin = sql.substring(0, joinStart) + sql.substring(joinEnd);
    Matcher criterion = CANDIDATE_GROUPS.matcher(withoutJoin);
    if (!criterion.find()) {
      return sql;
    }
    String exists = "EXISTS (SELECT 1 FROM " + prefix + "ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_"
        + " AND I.TYPE_ = 'candidate' AND " + criterion.group(1) + ")";
    String before = withoutJoin.substring(0, criterion.start());
    String after = withoutJoin.substring(criterion.end());
    boolean negated = before.replaceAll("[\\s(]+$", "").toLowerCase(Locale.ROOT).endsWith(" not");
    if (LINK_COLUMN.matcher(before).find() || LINK_COLUMN.matcher(after).find() || negated) {
      return sql;
    }
    return before + exists + after;
  }

  /** {@code distinct} dropped when the task rows are joined with nothing that could repeat one. */
  static String withoutDistinct(String sql) {
    boolean page = sql.startsWith(PAGE_DISTINCT);
    if (!page && !sql.startsWith(COUNT_DISTINCT)) {
      return sql;
    }
    Matcher from = UNIQUE_ROWS.matcher(sql);
    if (!from.find()) {
      return sql;
    }
    String rest = sql.substring(0, from.start()) + " " + sql.substring(from.end());
    if (from.find() || rest.toLowerCase(Locale.ROOT).contains(" join ")) {
      // another table joined (or the authorization join still there): rows may repeat
      return sql;
    }
    return page
        ? "select RES.REV_, RES.ID_," + sql.substring(PAGE_DISTINCT.length())
        : "SELECT COUNT(*) FROM (SELECT RES.ID_ from" + sql.substring(COUNT_DISTINCT.length());
  }
}
