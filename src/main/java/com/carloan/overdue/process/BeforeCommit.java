package com.carloan.overdue.process;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work on ids (tasks, cases) that runs once per transaction, just before it commits, however often it is asked
 * for: after the engine has flushed what the transaction's commands did, so the work sees their tasks, grants
 * and jobs. Its engine calls are the application's ({@link AsApplication}).
 */
public final class BeforeCommit {

  private final Consumer<Set<String>> work;

  public BeforeCommit(Consumer<Set<String>> work) {
    this.work = work;
  }

  /** Whether there is a transaction to run in; without one {@link #add} refuses. */
  public static boolean inTransaction() {
    return TransactionSynchronizationManager.isSynchronizationActive();
  }

  /** @throws IllegalStateException outside a transaction */
  public void add(String id) {
    if (!inTransaction()) {
      throw new IllegalStateException("No transaction to run in before it commits: " + id);
    }
    @SuppressWarnings("unchecked")
    Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Set<String> ids = new LinkedHashSet<>();
      TransactionSynchronizationManager.bindResource(this, ids);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          TransactionSynchronizationManager.unbindResource(BeforeCommit.this);
          work.accept(ids);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(BeforeCommit.this);
        }
      });
      pending = ids;
    }
    pending.add(id);
  }
}
