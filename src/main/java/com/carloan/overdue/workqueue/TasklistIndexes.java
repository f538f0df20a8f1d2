package com.carloan.overdue.workqueue;

import com.carloan.overdue.common.EngineTableIndexes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * What the engine's own indexes lack for the queues of {@link TasklistFilters}: an agent's own tasks
 * ({@code ASSIGNEE_ = ?}) and a team's pool ({@code ASSIGNEE_ is null}, candidate group, the three agent
 * tasks), both ordered by follow-up date, then creation, read a page of 15 and counted. The engine has
 * ASSIGNEE_, CREATE_TIME_ and the identity links' TASK_ID_ and GROUP_ID_ each alone, and with
 * {@code authorizationCheckRevokes=never} checks rights with one join on the authorizations' RESOURCE_ID_,
 * which it indexes too. Off with {@code collections.tasklist.engine-indexes=false} (see
 * {@link EngineTableIndexes}).
 *
 * <ul>
 *   <li>{@code COLL_IDX_TASK_ASSIGNEE_QUEUE} (ASSIGNEE_, FOLLOW_UP_DATE_, CREATE_TIME_): both queues in
 *       their order, so a database that weighs the page's limit (PostgreSQL) can read a page along it
 *       instead of sorting the queue (reasoned from the plan's shape, not measured on PostgreSQL). H2 picks
 *       an index by the conditions alone and keeps to the engine's ASSIGNEE_ index (14,000 open tasks on
 *       H2: an owner's 500 in 7 ms, a pool in 23–26 ms, with or without this one).</li>
 *   <li>{@code COLL_IDX_AUTH_USER_RESOURCE} (USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_): the rights check picks
 *       the caller's and their groups' grants ({@code USER_ID_ in (…) or GROUP_ID_ in (…)}); the engine
 *       indexes GROUP_ID_ alone, and its unique keys start with TYPE_, which it asks as a range
 *       ({@code TYPE_ < 2}), so the caller's own grants were read from the whole table. Few per caller because
 *       an owned task keeps no group's grant ({@code allocation.TaskGrants}).</li>
 *   <li>Dropped, for the one shared queue they served: COLL_IDX_TASK_QUEUE (its order without the
 *       assignee), COLL_IDX_TASK_STEP (a count of 28,000 calls by step; H2 chose it for a pool and read
 *       every unowned task through it) and COLL_IDX_IDENT_LNK_GROUP (the queue's candidate links by group;
 *       a pool is found from its unassigned tasks).</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "collections.tasklist.engine-indexes", havingValue = "true", matchIfMissing = true)
class TasklistIndexes extends EngineTableIndexes {

  static final String ASSIGNEE_QUEUE = "COLL_IDX_TASK_ASSIGNEE_QUEUE";
  static final String AUTH_USER = "COLL_IDX_AUTH_USER_RESOURCE";
  /**
   * Created by earlier versions, no longer wanted; COLL_IDX_AUTH_GROUP_RESOURCE repeated the engine's
   * ACT_IDX_AUTH_GROUP_ID, which PostgreSQL chose instead.
   */
  static final String[] RETIRED = {"COLL_IDX_TASK_QUEUE", "COLL_IDX_TASK_STEP", "COLL_IDX_IDENT_LNK_GROUP",
      "COLL_IDX_AUTH_GROUP_RESOURCE"};

  static final Map<String, String> INDEXES = new LinkedHashMap<>();

  static {
    INDEXES.put(ASSIGNEE_QUEUE, "create index if not exists " + ASSIGNEE_QUEUE
        + " on ACT_RU_TASK (ASSIGNEE_, FOLLOW_UP_DATE_, CREATE_TIME_)");
    INDEXES.put(AUTH_USER, "create index if not exists " + AUTH_USER
        + " on ACT_RU_AUTHORIZATION (USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_)");
    for (String retired : RETIRED) {
      INDEXES.put(retired, "drop index if exists " + retired);
    }
  }

  @Override
  protected Map<String, String> indexes() {
    return INDEXES;
  }
}
