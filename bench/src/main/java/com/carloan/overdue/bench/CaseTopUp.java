package com.carloan.overdue.bench;

import com.carloan.overdue.intake.CaseIntakeService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the Tasklist to the benchmark's size with real cases: each one opened by the intake service, as
 * the CSV import opens them, and bound for WeCom contact, so the job executor brings each to one
 * {@code callBorrower} task of the Collection queue.
 */
@Component
@Profile("bench")
class CaseTopUp {

  /** Top-up borrowers' phone numbers start here, far from the imported ones. */
  static final long PHONE_BASE = 50_000_000L;

  private final CaseIntakeService intake;
  private final TaskService tasks;
  private final TransactionTemplate transaction;

  CaseTopUp(CaseIntakeService intake, TaskService tasks, PlatformTransactionManager transactions) {
    this.intake = intake;
    this.tasks = tasks;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** @return the number of cases opened, each of which will wait at one more task */
  int toOpenTasks(int openTasks, String loanPrefix, int threads, int batchSize) throws InterruptedException {
    int missing = (int) Math.max(0, openTasks - tasks.createTaskQuery().count());
    BenchBorrowers borrowers = new BenchBorrowers(loanPrefix, PHONE_BASE, BenchBorrowers.Mix.CALLS_ONLY);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> batches = new ArrayList<>();
      for (int from = 0; from < missing; from += batchSize) {
        int first = from;
        int last = Math.min(from + batchSize, missing);
        batches.add(pool.submit(() -> transaction.executeWithoutResult(status -> {
          for (int n = first; n < last; n++) {
            intake.open(borrowers.intake(n));
          }
        })));
      }
      for (Future<?> batch : batches) {
        batch.get();
      }
      return missing;
    } catch (ExecutionException e) {
      throw new IllegalStateException("The top-up stopped", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
