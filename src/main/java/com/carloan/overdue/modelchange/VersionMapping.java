package com.carloan.overdue.modelchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * How the running cases of one version map onto another, by Camunda's own rule: activities with the same id map
 * to each other ({@code mapEqualActivities}); timers, messages and tasks move as they are. A case waiting at an
 * activity the plan does not map (the new version lacks it, or it changed its kind or scope) cannot move: it is a
 * problem, counted per activity, and stays on its version.
 */
@Component
class VersionMapping {

  /** The cases waiting at one activity that cannot move, and why. */
  record Problem(String activityId, long cases, String reason) {}

  /** A running case: its process instance and its loan (the business key). */
  record Case(String processInstanceId, String loanId) {}

  /** A case that stays on its version. */
  record Staying(Case which, String reason) {}

  /**
   * @param plan null when the two versions cannot be mapped at all (then every problem names a plan failure)
   * @param moving the cases the plan moves
   */
  record Assessment(MigrationPlan plan, long cases, List<Case> moving, List<Staying> staying, List<Problem> problems) {

    long migratable() {
      return moving.size();
    }
  }

  private final RuntimeService runtime;
  private final ManagementService management;
  private final RepositoryService repository;

  VersionMapping(RuntimeService runtime, ManagementService management, RepositoryService repository) {
    this.runtime = runtime;
    this.management = management;
    this.repository = repository;
  }

  Assessment assess(ProcessDefinition source, ProcessDefinition target) {
    Map<String, Integer> waiting = new LinkedHashMap<>();
    for (ActivityStatistics at : management.createActivityStatisticsQuery(source.getId()).list()) {
      waiting.put(at.getId(), at.getInstances());
    }
    List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list();
    MigrationPlan built;
    Map<String, String> unmapped = new LinkedHashMap<>();
    try {
      built = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
      Set<String> mapped = new HashSet<>();
      built.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).forEach(mapped::add);
      waiting.keySet().stream().filter(id -> !mapped.contains(id))
          .forEach(id -> unmapped.put(id, whyUnmapped(id, target)));
    } catch (MigrationPlanValidationException invalid) {
      built = null;
      for (MigrationInstructionValidationReport report : invalid.getValidationReport().getInstructionReports()) {
        unmapped.put(report.getMigrationInstruction().getSourceActivityId(),
            "Camunda cannot map " + report.getMigrationInstruction().getSourceActivityId() + " to version "
                + target.getVersion() + ": " + String.join("; ", report.getFailures()));
      }
    }
    MigrationPlan plan = built;
    List<Problem> problems = new ArrayList<>();
    Map<String, Staying> staying = new LinkedHashMap<>();
    unmapped.forEach((activityId, reason) -> {
      List<ProcessInstance> at = runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
          .activityIdIn(activityId).list();
      if (!at.isEmpty() || plan == null) {
        problems.add(new Problem(activityId, at.size(), reason));
      }
      at.forEach(pi -> staying.putIfAbsent(pi.getId(),
          new Staying(new Case(pi.getId(), pi.getBusinessKey()), "waits at " + activityId + ": " + reason)));
    });
    List<Case> moving = plan == null ? List.of() : running.stream().filter(pi -> !staying.containsKey(pi.getId()))
        .map(pi -> new Case(pi.getId(), pi.getBusinessKey())).toList();
    return new Assessment(plan, running.size(), moving, List.copyOf(staying.values()), problems);
  }

  private String whyUnmapped(String activityId, ProcessDefinition target) {
    boolean present = repository.getBpmnModelInstance(target.getId()).getModelElementById(activityId) != null;
    return present
        ? activityId + " changed its kind or scope in version " + target.getVersion() + "; Camunda cannot map it"
        : "version " + target.getVersion() + " has no activity " + activityId;
  }
}
