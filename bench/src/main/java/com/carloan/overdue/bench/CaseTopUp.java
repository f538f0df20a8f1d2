package com.carloan.overdue.bench;

import com.carloan.overdue.intake.CaseIntakeService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Days past due that put a WeCom-contact case in each team's bucket (decision caseAllocation: M1 → team-m1,
   * M2 → team-m2, M3 → team-m3); the strategy sends all three to WeCom contact and callBorrower.
   */
  static final Map<String, Integer> DAYS_PAST_DUE_BY_TEAM = Map.of("team-m1", 15, "team-m2", 45, "team-m3", 75);

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

  /**
   * The ownership scenario's cases: {@code count} WeCom-contact cases per team, opened by the intake service
   * as the import opens them, so allocation (service task allocateCase, in the same transaction) gives each
   * its team and an owner, or leaves it in the team's pool once every agent holds {@code capacity} open cases.
   * Batches of one team lock that team (allocation counts its agents' cases one after the other), so the
   * batches alternate between the teams and up to {@code threads} of them, of different teams, run at once.
   *
   * @return the number of cases opened per team
   */
  Map<String, Integer> ownedCalls(Map<String, Integer> countByTeam, String loanPrefix, int threads, int batchSize)
      throws InterruptedException {
    BenchBorrowers borrowers = new BenchBorrowers(loanPrefix, PHONE_BASE, BenchBorrowers.Mix.CALLS_ONLY);
    record Batch(String team, int first, int last) {
    }
    List<List<Batch>> byTeam = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, Integer> team : countByTeam.entrySet()) {
      if (!DAYS_PAST_DUE_BY_TEAM.containsKey(team.getKey())) {
        throw new IllegalArgumentException("no bucket leads to " + team.getKey());
      }
      List<Batch> batches = new ArrayList<>();
      for (int from = 0; from < team.getValue(); from += batchSize) {
        int size = Math.min(batchSize, team.getValue() - from);
        batches.add(new Batch(team.getKey(), n, n + size));
        n += size;
      }
      byTeam.add(batches);
    }
    List<Batch> interleaved = new ArrayList<>();
    while (byTeam.stream().anyMatch(b -> !b.isEmpty())) {
      for (List<Batch> batches : byTeam) {
        if (!batches.isEmpty()) {
          interleaved.add(batches.remove(0));
        }
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Batch batch : interleaved) {
        int days = DAYS_PAST_DUE_BY_TEAM.get(batch.team());
        running.add(pool.submit(() -> transaction.executeWithoutResult(status -> {
          for (int row = batch.first(); row < batch.last(); row++) {
            intake.open(borrowers.intake(row, days));
          }
        })));
      }
      for (Future<?> batch : running) {
        batch.get();
      }
      return new LinkedHashMap<>(countByTeam);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The ownership scenario's cases stopped", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
