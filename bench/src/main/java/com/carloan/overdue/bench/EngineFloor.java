package com.carloan.overdue.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;

  EngineFloor(RepositoryService repository, RuntimeService runtime, PlatformTransactionManager transactions) {
    this.repository = repository;
    this.runtime = runtime;
    this.transaction = new TransactionTemplate(transactions);
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

  private synchronized void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count() > 0) {
      return;
    }
    repository.createDeployment().name("bench-floor")
        .addModelInstance("bench-floor.bpmn", Bpmn.createExecutableProcess(PROCESS_KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent("floorStarted")
            .userTask("floorTask")
            .endEvent("floorEnded")
            .done())
        .deploy();
  }
}
