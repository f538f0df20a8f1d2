package com.carloan.overdue.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * History level {@code collections} ({@code camunda.bpm.history-level}), Camunda's custom history level: the
 * engine's {@code full} history without what the database would keep twice or nobody reads.
 *
 * <p>Kept, as at {@code full}: process, activity and task instances (the archive's timeline, Cockpit, the
 * dashboard's outcomes), variable instances, every variable change made by a step (the decisions in the
 * archive and the evidence pack, with the step that made them; who completed a task is in the task history
 * and the user operation log), decisions with their inputs and outputs, incidents, batches, and the job log of
 * each job that ran or failed (which node ran it, and why it failed).
 *
 * <p>Left out:
 * <ul>
 *   <li>the detail row of each variable a case is started with: it repeats the variable's own history row, and
 *       the intake is kept in {@code loan_case} as received;</li>
 *   <li>the history of candidate groups and assignees (identity links): who owned the case and when is the
 *       ownership history ({@code case_ownership_change}), who worked a task is in the task history;</li>
 *   <li>the job log's "created" and "deleted" entries: a timer's due date is in the runtime, a timer that was
 *       cancelled left nothing to account for.</li>
 * </ul>
 *
 * <p>It keeps {@code full}'s id (3), which the engine compares with the one stored in the database at start:
 * a database written at {@code full} starts with this level and back, so either can be chosen at any time.
 */
@Component
class CaseHistoryLevel extends AbstractProcessEnginePlugin implements HistoryLevel {

  static final String NAME = "collections";

  private static final Set<HistoryEventType> LEFT_OUT = Set.of(HistoryEventTypes.IDENTITY_LINK_ADD,
      HistoryEventTypes.IDENTITY_LINK_DELETE, HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_DELETE);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(this);
    configuration.setCustomHistoryLevels(levels);
  }

  @Override
  public int getId() {
    return HistoryLevel.HISTORY_LEVEL_FULL.getId();
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (LEFT_OUT.contains(eventType)) {
      return false;
    }
    if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
        && entity instanceof HistoricVariableUpdateEventEntity update) {
      return !Boolean.TRUE.equals(update.isInitial());
    }
    return true;
  }
}
