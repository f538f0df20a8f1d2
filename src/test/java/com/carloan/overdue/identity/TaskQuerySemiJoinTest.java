package com.carloan.overdue.identity;

import static com.carloan.overdue.identity.AuthorizationSemiJoinTest.TASK_COUNT;
import static com.carloan.overdue.identity.AuthorizationSemiJoinTest.TASK_PAGE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The task query's candidate-group join as a semi-join and the {@code distinct} it then no longer needs,
 * on the SQL Camunda 7.24 generates for Tasklist's Collection queue (after {@link AuthorizationSemiJoin}),
 * placeholders in their order, and every other shape left as it was.
 */
class TaskQuerySemiJoinTest {

  static final String PAGE = AuthorizationSemiJoin.rewrite(TASK_PAGE, AuthorizationSemiJoin.Form.EXISTS).sql()
      .replaceAll("\\s+", " ");
  static final String COUNT = AuthorizationSemiJoin.rewrite(TASK_COUNT, AuthorizationSemiJoin.Form.IN).sql()
      .replaceAll("\\s+", " ");

  /** An agent's search for a free call: no candidate-group criterion, so no identity-link join. */
  static final String FIND = "select distinct RES.REV_, RES.ID_, RES.NAME_ from ACT_RU_TASK RES left join ACT_RE_PROCDEF D "
      + "on RES.PROC_DEF_ID_ = D.ID_ WHERE ( 1 = 1 and RES.TASK_DEF_KEY_ = ? and RES.ASSIGNEE_ IS NULL ) and ( "
      + "(RES.CASE_EXECUTION_ID_ IS NOT NULL) OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE (A.TYPE_ < 2) "
      + "AND A.RESOURCE_ID_ IN (RES.ID_ , D.KEY_ , '*')) ) order by RES.ID_ asc LIMIT ? OFFSET ?";

  @Test
  void theQueuesPageAsksForAMatchingLinkAndSelectsWithoutDistinct() {
    String page = TaskQuerySemiJoin.rewrite(PAGE);

    assertThat(page).startsWith("select RES.REV_, RES.ID_, RES.NAME_,")
        .contains(" from ACT_RU_TASK RES left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ WHERE ( 1 = 1 and "
            + "RES.TASK_DEF_KEY_ in ( ? , ? , ? ) and ( EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE "
            + "I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN ( ? )) ) )")
        .doesNotContain("ACT_RU_IDENTITYLINK I on", "distinct", "DISTINCT")
        .endsWith("order by RES.FOLLOW_UP_DATE_ asc, RES.CREATE_TIME_ asc LIMIT ? OFFSET ?");
    assertThat(AuthorizationSemiJoin.parameters(page)).isEqualTo(AuthorizationSemiJoin.parameters(PAGE));
    assertThat(page.replace(" EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND "
        + "I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN ( ? ))", " I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) )"))
        .as("nothing else changed")
        .isEqualTo(PAGE.replace("select distinct", "select").replace(" left join ACT_RU_IDENTITYLINK I on "
            + "I.TASK_ID_ = RES.ID_", ""));
  }

  @Test
  void theQueuesCountCountsTaskIdsThatCannotRepeat() {
    String count = TaskQuerySemiJoin.rewrite(COUNT);

    assertThat(count).startsWith("SELECT COUNT(*) FROM (SELECT RES.ID_ from ACT_RU_TASK RES left join ACT_RE_PROCDEF D "
        + "on RES.PROC_DEF_ID_ = D.ID_ WHERE")
        .contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' "
            + "AND I.GROUP_ID_ IN ( ? ))")
        .doesNotContain("DISTINCT", "ACT_RU_IDENTITYLINK I on")
        .endsWith(") countDistinct");
    assertThat(AuthorizationSemiJoin.parameters(count)).isEqualTo(AuthorizationSemiJoin.parameters(COUNT));
  }

  @Test
  void unclaimedOnlyAndSeveralGroupsAndASchemaPrefixKeepTheirShape() {
    String unclaimed = PAGE.replace("and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) )",
        "and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) ) )")
        .replace("ACT_RU_", "coll.ACT_RU_").replace("ACT_RE_", "coll.ACT_RE_");

    assertThat(TaskQuerySemiJoin.rewrite(unclaimed))
        .startsWith("select RES.REV_,")
        .contains("and ( RES.ASSIGNEE_ is null and EXISTS (SELECT 1 FROM coll.ACT_RU_IDENTITYLINK I WHERE "
            + "I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN ( ? , ? )) )");
  }

  @Test
  void anAgentsSearchWithoutGroupsOnlyLosesItsDistinct() {
    assertThat(TaskQuerySemiJoin.rewrite(FIND)).isEqualTo(FIND.replace("select distinct", "select"));
  }

  @Test
  void whereATaskCouldStillComeTwiceTheDistinctStays() {
    // the engine's authorization join, not rewritten: one row per matching authorization
    String authJoin = TaskQuerySemiJoin.rewrite(TASK_PAGE.replaceAll("\\s+", " "));
    assertThat(authJoin).startsWith("select distinct RES.REV_,").contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I");
    // ordered by a variable: joined with ACT_RU_VARIABLE
    String byVariable = FIND.replace(" WHERE", " left join ACT_RU_VARIABLE VAR0 on VAR0.TASK_ID_ = RES.ID_ WHERE");
    assertThat(TaskQuerySemiJoin.rewrite(byVariable)).isEqualTo(byVariable);
    // the business key: joined with the execution table
    String byBusinessKey = FIND.replace(" WHERE", " inner join ACT_RU_EXECUTION E on RES.PROC_INST_ID_ = E.ID_ WHERE");
    assertThat(TaskQuerySemiJoin.rewrite(byBusinessKey)).isEqualTo(byBusinessKey);
  }

  @Test
  void otherUsesOfTheLinksRunAsTheEngineWroteThem() {
    // a candidate user besides the groups
    String candidateUser = PAGE.replace("( I.GROUP_ID_ IN ( ? ) )", "( I.USER_ID_ = ? or I.GROUP_ID_ IN ( ? ) )");
    assertThat(TaskQuerySemiJoin.rewrite(candidateUser)).isEqualTo(candidateUser);
    // involved user, read from the joined links elsewhere in the conditions
    String involved = PAGE.replace("and (RES.TENANT_ID_ is null )",
        "and (I.USER_ID_ = ? or RES.ASSIGNEE_ = ?) and (RES.TENANT_ID_ is null )");
    assertThat(TaskQuerySemiJoin.rewrite(involved)).isEqualTo(involved);
    // the criterion negated: "no matching link" is not "some link that does not match"
    String negated = PAGE.replace("and ( I.TYPE_ = 'candidate'", "and NOT ( I.TYPE_ = 'candidate'");
    assertThat(negated).isNotEqualTo(PAGE);
    assertThat(TaskQuerySemiJoin.rewrite(negated)).isEqualTo(negated);
    // a group pattern
    String like = PAGE.replace("( I.GROUP_ID_ IN ( ? ) )", "( I.GROUP_ID_ LIKE ? )");
    assertThat(TaskQuerySemiJoin.rewrite(like)).isEqualTo(like);
    // another statement
    String other = "select distinct T.* from ACT_RU_TASK T WHERE T.ID_ = ?";
    assertThat(TaskQuerySemiJoin.rewrite(other)).isEqualTo(other);
  }
}
