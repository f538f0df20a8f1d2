package com.carloan.overdue.communication;

import static com.carloan.overdue.process.CaseVariables.CALL_NOTES;
import static com.carloan.overdue.process.CaseVariables.COMPLAINT_RESPONSE;
import static com.carloan.overdue.process.CaseVariables.NOTE_TEXT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps what people wrote about a borrower out of the engine's history tables: a call's notes are stored
 * encrypted in the communications chain ({@link RecordCallNotes}), a collection note's text in the collection
 * record, a complaint's response with the complaint; the plain text the form submitted must not survive in
 * ACT_HI_DETAIL / ACT_HI_VARINST, where Cockpit and the REST API show it to many.
 */
@Component
class RedactedHistory extends AbstractProcessEnginePlugin {

  static final Map<String, String> ENCRYPTED_ELSEWHERE = Map.of(
      CALL_NOTES, "[通话记录已加密存档 encrypted in communications]",
      NOTE_TEXT, "[催记已加密存档 encrypted in the collection record]",
      COMPLAINT_RESPONSE, "[投诉答复已加密存档 encrypted with the complaint]");

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
      if (event instanceof HistoricVariableUpdateEventEntity v && ENCRYPTED_ELSEWHERE.containsKey(v.getVariableName())
          && v.getTextValue() != null) {
        v.setTextValue(ENCRYPTED_ELSEWHERE.get(v.getVariableName()));
        v.setTextValue2(null);
        v.setByteValue(null);
      }
    }
  }
}
