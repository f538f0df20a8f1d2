package com.carloan.overdue.operations;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A value computed from the database at most once per time-to-live, served without waiting: figures
 * aggregated over the whole history are not recomputed for every scrape or page view, and a caller
 * never waits for the aggregation except the very first. Once the value is older than its
 * time-to-live, the next caller still gets it at once and starts one recomputation in the background
 * (Caffeine's {@code refreshAfterWrite}: stale-while-revalidate), so the figures are at most one
 * time-to-live plus one computation old. A failed recomputation keeps the previous value (Caffeine
 * logs the failure) and the next caller tries again. Wall-clock time, not business time: this is about
 * load on the database.
 */
final class Cached<T> {

  private final String name;
  private final Supplier<T> loader;
  private final LoadingCache<String, T> cache;

  Cached(String name, Duration ttl, Supplier<T> loader) {
    this(name, ttl, loader, Ticker.systemTicker());
  }

  Cached(String name, Duration ttl, Supplier<T> loader, Ticker ticker) {
    this.name = name;
    this.loader = loader;
    // Caffeine wants a positive duration; zero (the benchmark's) means every call starts a recomputation.
    Duration refreshAfter = ttl.isZero() || ttl.isNegative() ? Duration.ofNanos(1) : ttl;
    this.cache = Caffeine.newBuilder()
        .refreshAfterWrite(refreshAfter)
        .ticker(ticker)
        .executor(backgroundThread(name))
        .build(key -> loader.get());
  }

  T get() {
    return cache.get(name);
  }

  /** Computes the value now, in the caller's thread; a recomputation running in the background is dropped. */
  T refresh() {
    T fresh = loader.get();
    cache.put(name, fresh);
    return fresh;
  }

  /**
   * The aggregation blocks on the database for its whole run: its own daemon thread, not the common
   * fork-join pool Caffeine would use (one thread on a two-core machine).
   */
  private static ExecutorService backgroundThread(String name) {
    return Executors.newSingleThreadExecutor(task -> {
      Thread worker = new Thread(task, "figures-" + name);
      worker.setDaemon(true);
      return worker;
    });
  }
}
