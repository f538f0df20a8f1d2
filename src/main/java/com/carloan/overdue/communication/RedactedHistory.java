package com.carloan.overdue.communication;

import static com.carloan.overdue.process.CaseVariables.CALL_NOTES;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps what an agent wrote about a call out of the engine's history tables: the note is stored
 * encrypted in the communications chain ({@link RecordCallNotes}), and the plain text the form submitted
 * must not survive in ACT_HI_DETAIL / ACT_HI_VARINST, where Cockpit and the REST API show it to many.
 */
@Component
class RedactedHistory extends AbstractProcessEnginePlugin {

  static final Set<String> ENCRYPTED_ELSEWHERE = Set.of(CALL_NOTES);
  static final String REDACTED = "[通话记录已加密存档 encrypted in communications]";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new Redacting(new DbHistoryEventHandler()));
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  private record Redacting(HistoryEventHandler db) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      redact(event);
      db.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }

    private static void redact(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity v && ENCRYPTED_ELSEWHERE.contains(v.getVariableName())
          && v.getTextValue() != null) {
        v.setTextValue(REDACTED);
        v.setTextValue2(null);
        v.setByteValue(null);
      }
    }
  }
}
