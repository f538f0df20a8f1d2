package com.carloan.overdue.operations;

import com.carloan.overdue.common.EngineTableIndexes;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's tables that the business figures need. Off with
 * {@code collections.operations.engine-indexes=false} (see {@link EngineTableIndexes}).
 *
 * <ul>
 *   <li>Activity history: counting how often an activity of {@code carLoanOverdue} ended (escalations,
 *       WeCom adds, broken promises), ever or in the last 30 days, without scanning millions of history
 *       rows. History cleanup deletes rows as before.</li>
 *   <li>Executions by process, case and activity: the open cases by stage read this index alone instead of
 *       every execution row (36,000 open cases on PostgreSQL: 95 → 47 ms; 21,500 on H2: about halved).</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "collections.operations.engine-indexes", havingValue = "true", matchIfMissing = true)
class EngineIndexes extends EngineTableIndexes {

  static final String ACTIVITY_ENDS = "create index if not exists COLL_IDX_HI_ACT_ENDS "
      + "on ACT_HI_ACTINST (PROC_DEF_KEY_, ACT_ID_, END_TIME_, ACT_INST_STATE_, PROC_INST_ID_)";

  static final String OPEN_STAGES = "create index if not exists COLL_IDX_EXEC_STAGE "
      + "on ACT_RU_EXECUTION (PROC_DEF_KEY_, PROC_INST_ID_, ACT_ID_)";

  @Override
  protected Map<String, String> indexes() {
    return Map.of("COLL_IDX_HI_ACT_ENDS", ACTIVITY_ENDS, "COLL_IDX_EXEC_STAGE", OPEN_STAGES);
  }
}
