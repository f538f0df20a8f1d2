package com.carloan.overdue.bench;

import java.util.Arrays;

/** Response times of one kind of call, in milliseconds; thread-safe. */
final class Latencies {

  private long[] millis = new long[64];
  private int count;

  synchronized void add(long nanos) {
    if (count == millis.length) {
      millis = Arrays.copyOf(millis, count * 2);
    }
    millis[count++] = nanos / 1_000_000;
  }

  synchronized int count() {
    return count;
  }

  /** The nearest-rank percentile: {@code p} = 95 is the time 95 % of the calls took at most. */
  synchronized long percentile(int p) {
    if (count == 0) {
      return -1;
    }
    long[] sorted = Arrays.copyOf(millis, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, rank - 1)];
  }

  synchronized long max() {
    return percentile(100);
  }

  @Override
  public String toString() {
    return percentile(50) + " / " + percentile(95) + " ms";
  }
}
