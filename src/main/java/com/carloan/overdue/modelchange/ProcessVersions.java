package com.carloan.overdue.modelchange;

import com.carloan.overdue.process.CaseVariables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The deployed versions of {@code carLoanOverdue} and where their running cases wait (CONTRACT §6): what a
 * process owner looks at before moving cases from one version to another.
 */
@Component
class ProcessVersions {

  /** One version: when it was deployed, how many cases run on it, how many wait at each activity. */
  record Version(int version, Instant deployedAt, long runningCases, Map<String, Integer> activities) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;

  ProcessVersions(RepositoryService repository, RuntimeService runtime, ManagementService management) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
  }

  List<Version> all() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .orderByProcessDefinitionVersion().asc().list().stream()
        .map(this::describe)
        .toList();
  }

  Optional<ProcessDefinition> find(int version) {
    return Optional.ofNullable(repository.createProcessDefinitionQuery()
        .processDefinitionKey(CaseVariables.PROCESS_KEY).processDefinitionVersion(version).singleResult());
  }

  private Version describe(ProcessDefinition definition) {
    Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    Map<String, Integer> activities = new TreeMap<>();
    for (ActivityStatistics at : management.createActivityStatisticsQuery(definition.getId()).list()) {
      activities.put(at.getId(), at.getInstances());
    }
    long running = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
    return new Version(definition.getVersion(), deployment.getDeploymentTime().toInstant(), running, activities);
  }
}
