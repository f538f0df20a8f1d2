package com.carloan.overdue.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The figures' cache on a hand-driven clock: who waits, what is served while a recomputation runs. */
class CachedTest {

  private static final Duration TTL = Duration.ofSeconds(30);

  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger loads = new AtomicInteger();

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void computesOnceWithinItsTimeToLive() {
    Cached<Integer> cached = new Cached<>("test", TTL, loads::incrementAndGet, nanos::get);

    assertThat(cached.get()).isEqualTo(1);
    advance(TTL.minusSeconds(1));
    assertThat(cached.get()).isEqualTo(1);
    assertThat(loads).hasValue(1);
  }

  @Test
  void theFirstCallersWaitForOneComputation() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch loading = new CountDownLatch(1);
    Cached<Integer> cached = new Cached<>("test", TTL, () -> {
      loading.countDown();
      waitFor(release);
      return loads.incrementAndGet();
    }, nanos::get);

    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(cached::get);
    assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(cached::get);
    Thread.sleep(100);
    assertThat(first).as("nothing to serve before the first computation").isNotDone();
    assertThat(second).isNotDone();

    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(loads).hasValue(1);
  }

  @Test
  void aStaleValueIsServedAtOnceWhileOneRecomputationRunsInTheBackground() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch recomputing = new CountDownLatch(1);
    Cached<Integer> cached = new Cached<>("test", TTL, () -> {
      int n = loads.incrementAndGet();
      if (n == 2) {
        recomputing.countDown();
        waitFor(release);
      }
      return n;
    }, nanos::get);
    assertThat(cached.get()).isEqualTo(1);
    advance(TTL.plusSeconds(1));

    assertThat(cached.get()).isEqualTo(1);     // stale: served while the second computation waits
    assertThat(recomputing.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(cached.get()).isEqualTo(1);     // one recomputation at a time
    assertThat(loads).hasValue(2);
    release.countDown();

    await().atMost(Duration.ofSeconds(5)).until(cached::get, v -> v == 2);
    assertThat(loads).hasValue(2);
  }

  @Test
  void aFailedRecomputationKeepsThePreviousValueAndTheNextCallerTriesAgain() {
    Cached<Integer> cached = new Cached<>("test", TTL, () -> {
      int n = loads.incrementAndGet();
      if (n == 2) {
        throw new IllegalStateException("database unavailable");
      }
      return n;
    }, nanos::get);
    assertThat(cached.get()).isEqualTo(1);
    advance(TTL.plusSeconds(1));

    assertThat(cached.get()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> loads.get() >= 2);
    await().atMost(Duration.ofSeconds(5)).until(cached::get, v -> v == 3);
    assertThat(loads).hasValue(3);
  }

  @Test
  void refreshComputesNowInTheCallersThread() {
    Cached<Integer> cached = new Cached<>("test", TTL, loads::incrementAndGet, nanos::get);
    assertThat(cached.get()).isEqualTo(1);

    assertThat(cached.refresh()).isEqualTo(2);
    assertThat(cached.get()).isEqualTo(2);
    assertThat(loads).hasValue(2);
  }

  @Test
  void aZeroTimeToLiveStartsARecomputationOnEveryCallAfterTheFirst() {
    Cached<Integer> cached = new Cached<>("test", Duration.ZERO, loads::incrementAndGet, nanos::get);
    assertThat(cached.get()).isEqualTo(1);
    advance(Duration.ofNanos(2));

    // the stale value, or the new one where the recomputation finished before the call returned
    assertThat(cached.get()).isIn(1, 2);
    await().atMost(Duration.ofSeconds(5)).until(cached::get, v -> v >= 2);
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
