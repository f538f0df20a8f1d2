package com.carloan.overdue.operations;

import static com.carloan.overdue.process.CaseVariables.PROCESS_KEY;

import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * What the figures need to know of the deployed {@code carLoanOverdue} model, read from the model
 * itself so a process owner's edit (a new escalation end event, a renamed task) shows up without a
 * code change: which end events escalate with which reason, and the user tasks with their names and
 * candidate groups (the queues).
 */
@Component
class ProcessModel {

  record Queue(String taskKey, String name, List<String> candidateGroups) {}

  record Facts(Map<String, String> escalationReasonByEndEvent, List<Queue> queues) {}

  private final RepositoryService repository;
  private String definitionId;
  private Facts facts;

  ProcessModel(RepositoryService repository) {
    this.repository = repository;
  }

  synchronized Facts facts() {
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult();
    if (latest == null) {
      return new Facts(Map.of(), List.of());
    }
    if (!latest.getId().equals(definitionId)) {
      facts = read(repository.getBpmnModelInstance(latest.getId()));
      definitionId = latest.getId();
    }
    return facts;
  }

  private static Facts read(BpmnModelInstance model) {
    Map<String, String> reasons = new LinkedHashMap<>();
    for (EndEvent end : model.getModelElementsByType(EndEvent.class)) {
      end.getEventDefinitions().stream()
          .filter(EscalationEventDefinition.class::isInstance)
          .map(d -> ((EscalationEventDefinition) d).getEscalation())
          .filter(e -> e != null && e.getEscalationCode() != null)
          .findFirst()
          .ifPresent(e -> reasons.put(end.getId(), e.getEscalationCode()));
    }
    List<Queue> queues = model.getModelElementsByType(UserTask.class).stream()
        .map(t -> new Queue(t.getId(), t.getName(), groups(t.getCamundaCandidateGroups())))
        .toList();
    return new Facts(Map.copyOf(reasons), queues);
  }

  private static List<String> groups(String candidateGroups) {
    if (candidateGroups == null || candidateGroups.isBlank()) {
      return List.of();
    }
    // an expression names a group per case, e.g. ${team} (the case's team): the queue shows its variable
    return Arrays.stream(candidateGroups.split("\\s*,\\s*"))
        .map(group -> group.startsWith("${") && group.endsWith("}") ? group.substring(2, group.length() - 1) : group)
        .toList();
  }
}
