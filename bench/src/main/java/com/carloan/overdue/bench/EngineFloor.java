package com.carloan.overdue.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's floor: the fastest this engine, on this database, brings new instances to a waiting
 * user task. A minimal start → user task process without listeners, variables or candidate groups,
 * started through the Java API with the parallelism and transaction size the CSV import uses, so the
 * only difference to the intake is what the collections process does per case.
 */
@Component
@Profile("bench")
class EngineFloor {

  static final String PROCESS_KEY = "benchFloor";
  static final String TASK_KEY = "floorTask";
  /** The ownership scenario's filters on the floor's tasks: the product's "My tasks" and "Collection queue" queries. */
  static final String MY_TASKS = "Floor: my tasks";
  static final String POOL = "Floor: pool";

  /**
   * One floor team of the ownership scenario: its candidate group, its agents with {@code perAgent} tasks each,
   * and {@code pool} tasks nobody is assigned.
   */
  record Team(String group, List<String> agents, int perAgent, int pool) {
  }

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FilterService filters;
  private final AuthorizationService authorizations;
  private final TransactionTemplate transaction;

  EngineFloor(RepositoryService repository, RuntimeService runtime, TaskService tasks, FilterService filters,
      AuthorizationService authorizations, PlatformTransactionManager transactions) {
    this.repository = repository;
    this.runtime = runtime;
    this.tasks = tasks;
    this.filters = filters;
    this.authorizations = authorizations;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * The ownership scenario's floor: plain {@code benchFloor} instances whose task gets the shape of an agent task
   * (CONTRACT §4) through the engine's own API: assigned to an agent, candidate groups the team's and the
   * supervisors' ({@code supervisorGroup}); the pool's tasks have no assignee. The engine writes the same
   * authorizations for them as for the product's tasks (assignee and candidate groups). No variables, listeners
   * or expressions: what the product's queues cost beyond these is the product's.
   *
   * @return how long starting took, in milliseconds
   */
  long startOwned(List<Team> teams, String supervisorGroup, int threads, int batchSize) throws InterruptedException {
    deploy();
    record Slice(String group, String assignee, int count) {
    }
    List<Slice> slices = new ArrayList<>();
    for (Team team : teams) {
      for (String agent : team.agents()) {
        for (int from = 0; from < team.perAgent(); from += batchSize) {
          slices.add(new Slice(team.group(), agent, Math.min(batchSize, team.perAgent() - from)));
        }
      }
      for (int from = 0; from < team.pool(); from += batchSize) {
        slices.add(new Slice(team.group(), null, Math.min(batchSize, team.pool() - from)));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      long t0 = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (Slice slice : slices) {
        running.add(pool.submit(() -> transaction.executeWithoutResult(status -> {
          for (int i = 0; i < slice.count(); i++) {
            String instance = runtime.startProcessInstanceByKey(PROCESS_KEY).getId();
            String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
            tasks.addCandidateGroup(task, slice.group());
            tasks.addCandidateGroup(task, supervisorGroup);
            if (slice.assignee() != null) {
              tasks.setAssignee(task, slice.assignee());
            }
          }
        })));
      }
      for (Future<?> slice : running) {
        slice.get();
      }
      return (System.nanoTime() - t0) / 1_000_000;
    } catch (ExecutionException e) {
      throw new IllegalStateException("The floor's owned tasks did not start", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The floor's filters: the same queries, order and page as the product's "My tasks" (assignee = me) and
   * "Collection queue" (candidate group in my groups, the floor's task key), without variables to embed,
   * readable by the groups {@code readers}. @return name → filter id
   */
  synchronized Map<String, String> ensureFilters(List<String> readers) {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put(MY_TASKS, ensureFilter(MY_TASKS, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
        .orderByFollowUpDate().asc().orderByTaskCreateTime().asc(), readers));
    ids.put(POOL, ensureFilter(POOL, tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .taskDefinitionKeyIn(TASK_KEY).orderByFollowUpDate().asc().orderByTaskCreateTime().asc(), readers));
    return ids;
  }

  private String ensureFilter(String name, TaskQuery query, List<String> readers) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing.getId();
    }
    Filter filter = filters.saveFilter(filters.newTaskFilter(name).setQuery(query)
        .setProperties(Map.of("priority", 90, "refresh", false)));
    for (String group : readers) {
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.setGroupId(group);
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }
    return filter.getId();
  }

  /** @return how long starting took, in milliseconds */
  long start(int instances, int threads, int batchSize) throws InterruptedException {
    deploy();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> slices = new ArrayList<>();
      for (int from = 0; from < instances; from += batchSize) {
        int count = Math.min(batchSize, instances - from);
        slices.add(pool.submit(() -> transaction.executeWithoutResult(status -> {
          for (int i = 0; i < count; i++) {
            runtime.startProcessInstanceByKey(PROCESS_KEY);
          }
        })));
      }
      for (Future<?> slice : slices) {
        slice.get();
      }
      return (System.nanoTime() - t0) / 1_000_000;
    } catch (ExecutionException e) {
      throw new IllegalStateException("The floor's instances did not start", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  long instances() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
  }

  synchronized void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count() > 0) {
      return;
    }
    repository.createDeployment().name("bench-floor")
        .addModelInstance("bench-floor.bpmn", Bpmn.createExecutableProcess(PROCESS_KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent("floorStarted")
            .userTask(TASK_KEY)
            .endEvent("floorEnded")
            .done())
        .deploy();
  }
}
