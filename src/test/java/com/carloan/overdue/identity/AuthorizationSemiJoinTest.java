package com.carloan.overdue.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The authorization join of the engine's task and variable queries, rewritten as a semi-join: the SQL as
 * Camunda 7.24 generates it on PostgreSQL (on H2 only the bit operation is spelled BITAND), the
 * parameters following the subquery, and everything of another shape left alone.
 */
class AuthorizationSemiJoinTest {

  /** Tasklist's Collection queue for agent1, first page (selectTaskByQueryCriteria). */
  static final String TASK_PAGE = "select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORI"
        + "TY_, RES.CREATE_TIME_, RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_"
        + "INST_ID_, RES.PROC_DEF_ID_, RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TA"
        + "SK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_, RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAS"
        + "T_UPDATED_, RES.TASK_STATE_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ "
        + "= RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ left join ( SELECT A.* FROM AC"
        + "T_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? ) ) "
        + "AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? "
        + ") ) ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' )) WHERE ( 1 = 1 and RES.TASK_DEF_"
        + "KEY_ in ( ? , ? , ? ) and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) ) and ( (RES.C"
        + "ASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null"
        + " ) order by RES.FOLLOW_UP_DATE_ asc, RES.CREATE_TIME_ asc LIMIT ? OFFSET ?";

  /** Its count (selectTaskCountByQueryCriteria). */
  static final String TASK_COUNT = "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLIN"
        + "K I on I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ left join ( "
        + "SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GRO"
        + "UP_ID_ IN ( ? ) ) AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND"
        + " A.PERMS_ & ? = ? ) ) ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' )) WHERE ( 1 = 1"
        + " and RES.TASK_DEF_KEY_ in ( ? , ? , ? ) and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) "
        + ") ) ) and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES."
        + "TENANT_ID_ is null ) ) countDistinct";

  /** The filter's variables for a page of tasks (selectVariableInstanceByQueryCriteria). */
  static final String VARIABLES = "select distinct RES.* from ( select RES.*, ( case when RES.TASK_ID_ is not null and RES.EXECUTI"
        + "ON_ID_ is not null then EXECUTION.ACT_INST_ID_ when RES.CASE_EXECUTION_ID_ is not null then RES"
        + ".CASE_EXECUTION_ID_ when EXECUTION.PARENT_ID_ is null and RES.IS_CONCURRENT_LOCAL_ = false then"
        + " EXECUTION.ID_ when EXECUTION.IS_SCOPE_ = true and EXECUTION.PARENT_ID_ is not null and RES.IS_"
        + "CONCURRENT_LOCAL_ = false then PARENT_EXECUTION.ACT_INST_ID_ else EXECUTION.ACT_INST_ID_ end ) "
        + "ACT_INST_ID_ from ACT_RU_VARIABLE RES left join ACT_RU_EXECUTION EXECUTION on RES.EXECUTION_ID_"
        + " = EXECUTION.ID_ left join ACT_RU_EXECUTION PARENT_EXECUTION on EXECUTION.PARENT_ID_ = PARENT_E"
        + "XECUTION.ID_ left join ACT_RU_EXECUTION PROC_EXECUTION on PROC_EXECUTION.ID_ = RES.PROC_INST_ID"
        + "_ left join ACT_RE_PROCDEF PROCDEF on PROCDEF.ID_ = PROC_EXECUTION.PROC_DEF_ID_ left join ( SEL"
        + "ECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_"
        + "ID_ IN ( ? ) ) AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A."
        + "PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) ) ) AUTH ON (AUTH.RESOURCE_ID_ IN"
        + " ( RES.PROC_INST_ID_ , PROC_EXECUTION.ID_ , PROCDEF.KEY_ , RES.TASK_ID_ , '*' ) ) WHERE RES.NAM"
        + "E_ in ( ? , ? , ? , ? ) and RES.VAR_SCOPE_ in ( ? , ? , ? ) and ( (RES.CASE_EXECUTION_ID_ IS NO"
        + "T NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null ) ) RES order by RES.I"
        + "D_ asc LIMIT ? OFFSET ?";

  @Test
  void aPageChecksRightsPerCandidateRowWithTheSubqueryAndItsParametersMovedIntoTheWhere() {
    AuthorizationSemiJoin.Rewrite page = AuthorizationSemiJoin.rewrite(TASK_PAGE, AuthorizationSemiJoin.Form.EXISTS);

    assertThat(page.sql()).startsWith("select distinct RES.REV_, RES.ID_")
        .doesNotContain("left join ( SELECT A.*", "AUTH ON", "AUTH.RESOURCE_ID_ IS NOT NULL")
        .contains("and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE "
            + "(A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? ) ) AND ( ( A.RESOURCE_TYPE_ = ? AND "
            + "A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) )) "
            + "AND A.RESOURCE_ID_ IN (RES.ID_ , D.KEY_ , '*')) )")
        .endsWith("order by RES.FOLLOW_UP_DATE_ asc, RES.CREATE_TIME_ asc LIMIT ? OFFSET ?");
    // before: 8 of the subquery, 4 of the filter (3 task keys, 1 group), limit and offset
    assertThat(page).extracting("head", "auth", "before", "copies").containsExactly(0, 8, 4, 1);
    assertThat(page.reorder(List.of("u", "g", "t", "p", "p", "t2", "p2", "p2", "k1", "k2", "k3", "grp", "max", "first")))
        .containsExactly("k1", "k2", "k3", "grp", "u", "g", "t", "p", "p", "t2", "p2", "p2", "max", "first");
    assertThat(AuthorizationSemiJoin.parameters(page.sql())).isEqualTo(AuthorizationSemiJoin.parameters(TASK_PAGE));
  }

  @Test
  void aCountAsksOnceForAllRowsWithTheSubqueryOncePerResourceIdAndItsParametersRepeated() {
    AuthorizationSemiJoin.Rewrite count = AuthorizationSemiJoin.rewrite(TASK_COUNT, AuthorizationSemiJoin.Form.IN);

    assertThat(count.sql()).startsWith("SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES")
        .contains("OR (RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2")
        .contains(" OR D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE ")
        .contains(" OR '*' IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE ")
        .doesNotContain("AUTH.", "AUTH ON").endsWith(") countDistinct");
    assertThat(count).extracting("head", "auth", "before", "copies").containsExactly(0, 8, 4, 3);
    assertThat(AuthorizationSemiJoin.parameters(count.sql())).isEqualTo(4 + 3 * 8);
    assertThat(count.reorder(List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "f1", "f2", "f3", "f4")))
        .containsExactly("f1", "f2", "f3", "f4", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8",
            "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");
  }

  @Test
  void theVariablesOfAPageAreCheckedPerVariable() {
    AuthorizationSemiJoin.Rewrite variables = AuthorizationSemiJoin.rewrite(VARIABLES, AuthorizationSemiJoin.Form.EXISTS);

    assertThat(variables.sql()).contains("OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE (A.TYPE_ < 2")
        .contains("AND A.RESOURCE_ID_ IN (RES.PROC_INST_ID_ , PROC_EXECUTION.ID_ , PROCDEF.KEY_ , RES.TASK_ID_ , '*')) )")
        .doesNotContain("AUTH ON", "AUTH.");
    // 11 of the subquery, then 4 names and 3 scope ids ahead of the test; limit and offset after it
    assertThat(variables).extracting("head", "auth", "before", "copies").containsExactly(0, 11, 7, 1);
  }

  @Test
  void newlinesAndIndentationAsMyBatisLeavesThemDoNotMatter() {
    String asGenerated = TASK_COUNT.replace(" left join", "\n    left join").replace(" WHERE", "\n   WHERE\t");

    assertThat(AuthorizationSemiJoin.rewrite(asGenerated, AuthorizationSemiJoin.Form.IN))
        .isEqualTo(AuthorizationSemiJoin.rewrite(TASK_COUNT, AuthorizationSemiJoin.Form.IN));
  }

  @Test
  void aStatementOfAnotherShapeIsLeftAlone() {
    AuthorizationSemiJoin.Form in = AuthorizationSemiJoin.Form.IN;
    // no authorization check (an administrator, or authorization off)
    assertThat(AuthorizationSemiJoin.rewrite("select distinct RES.* from ACT_RU_TASK RES WHERE RES.ID_ = ?", in)).isNull();
    // the join's columns used elsewhere
    assertThat(AuthorizationSemiJoin.rewrite(TASK_PAGE.replace("order by RES.FOLLOW_UP_DATE_", "order by AUTH.PERMS_"), in))
        .isNull();
    // no null test to replace
    assertThat(AuthorizationSemiJoin.rewrite(TASK_PAGE.replace("OR (AUTH.RESOURCE_ID_ IS NOT NULL)", ""), in)).isNull();
    // an IN list with a parameter or an expression in it
    assertThat(AuthorizationSemiJoin.rewrite(TASK_PAGE.replace("RES.ID_ , D.KEY_", "RES.ID_ , ?"), in)).isNull();
    assertThat(AuthorizationSemiJoin.rewrite(TASK_PAGE.replace("RES.ID_ , D.KEY_", "lower(RES.ID_) , D.KEY_"), in))
        .isNull();
  }

}
