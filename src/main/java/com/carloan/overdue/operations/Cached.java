package com.carloan.overdue.operations;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value computed from the database at most once per time-to-live, served without waiting: figures
 * aggregated over the whole history are not recomputed for every scrape or page view, and a caller
 * never waits for the aggregation except the very first. Once the value is older than its
 * time-to-live, the next caller still gets it at once and starts one recomputation in the background
 * (stale-while-revalidate), so the figures are at most one time-to-live plus one computation old.
 * Wall-clock time, not business time: this is about load on the database.
 */
final class Cached<T> {

  private static final Logger log = LoggerFactory.getLogger(Cached.class);

  private final String name;
  private final Supplier<T> loader;
  private final long ttlNanos;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile T value;
  private volatile long loadedAt;

  Cached(String name, Duration ttl, Supplier<T> loader) {
    this.name = name;
    this.loader = loader;
    this.ttlNanos = ttl.toNanos();
  }

  T get() {
    T current = value;
    if (current == null) {
      synchronized (this) {
        return value != null ? value : refresh();
      }
    }
    if (System.nanoTime() - loadedAt > ttlNanos && refreshing.compareAndSet(false, true)) {
      Thread worker = new Thread(() -> {
        try {
          refresh();
        } catch (RuntimeException e) {
          log.warn("Could not recompute the {} figures; serving the previous ones", name, e);
        } finally {
          refreshing.set(false);
        }
      }, "figures-" + name);
      worker.setDaemon(true);
      worker.start();
    }
    return current;
  }

  /** Computes the value now, in the caller's thread. */
  T refresh() {
    T fresh = loader.get();
    value = fresh;
    loadedAt = System.nanoTime();
    return fresh;
  }
}
