package com.carloan.overdue.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedTest {

  @Test
  void computesOnceWithinItsTimeToLive() {
    AtomicInteger loads = new AtomicInteger();
    Cached<Integer> cached = new Cached<>("test", Duration.ofHours(1), loads::incrementAndGet);

    assertThat(cached.get()).isEqualTo(1);
    assertThat(cached.get()).isEqualTo(1);
    assertThat(loads).hasValue(1);
  }

  @Test
  void aStaleValueIsServedAtOnceWhileTheNextIsComputedInTheBackground() throws InterruptedException {
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch recomputed = new CountDownLatch(1);
    Cached<Integer> cached = new Cached<>("test", Duration.ZERO, () -> {
      int n = loads.incrementAndGet();
      if (n == 2) {
        await(release);
        recomputed.countDown();
      }
      return n;
    });
    assertThat(cached.get()).isEqualTo(1);

    assertThat(cached.get()).isEqualTo(1);     // stale: served while the second load waits
    assertThat(cached.get()).isEqualTo(1);     // one recomputation at a time
    release.countDown();
    assertThat(recomputed.await(5, TimeUnit.SECONDS)).isTrue();

    Thread.sleep(50);
    assertThat(cached.get()).isEqualTo(2);
    assertThat(cached.refresh()).isGreaterThan(2);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
