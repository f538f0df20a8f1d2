package com.carloan.overdue.bench;

import com.carloan.overdue.intake.CaseIntakeService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
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
   * Batches of one team lock that team (allocation counts its agents' cases one after the other) until they
   * commit, and H2 gives up on a lock after two seconds, so a worker takes the next batch of a team no other
   * worker is filling, and waits when only the busy team's batches are left (its larger tail at the end).
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
    TeamDispatch<Batch> dispatch = new TeamDispatch<>(interleaved, Batch::team);
    int workers = Math.max(1, threads);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int worker = 0; worker < workers; worker++) {
        running.add(pool.submit(() -> {
          for (Batch batch = dispatch.take(); batch != null; batch = dispatch.take()) {
            Batch current = batch;
            int days = DAYS_PAST_DUE_BY_TEAM.get(current.team());
            try {
              transaction.executeWithoutResult(status -> {
                for (int row = current.first(); row < current.last(); row++) {
                  intake.open(borrowers.intake(row, days));
                }
              });
            } finally {
              dispatch.done(current);
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : running) {
        worker.get();
      }
      return new LinkedHashMap<>(countByTeam);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The ownership scenario's cases stopped", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Hands out work in order, never two items of one team at once. */
  static final class TeamDispatch<T> {

    private final List<T> waiting;
    private final Function<T, String> teamOf;
    private final Set<String> busy = new HashSet<>();

    TeamDispatch(List<T> work, Function<T, String> teamOf) {
      this.waiting = new ArrayList<>(work);
      this.teamOf = teamOf;
    }

    /** The first waiting item whose team nobody is working on, waiting for one; null once none is left. */
    synchronized T take() throws InterruptedException {
      while (!waiting.isEmpty()) {
        for (int i = 0; i < waiting.size(); i++) {
          if (busy.add(teamOf.apply(waiting.get(i)))) {
            return waiting.remove(i);
          }
        }
        wait();
      }
      return null;
    }

    synchronized void done(T item) {
      busy.remove(teamOf.apply(item));
      notifyAll();
    }
  }
}
