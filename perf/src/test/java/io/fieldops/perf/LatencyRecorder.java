package io.fieldops.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Response times of one measured target, so the simulation can print both targets side by side and
 * their ratio (Gatling's own report shows each request on its own, not the comparison).
 */
final class LatencyRecorder {

  private final ConcurrentLinkedQueue<Long> millis = new ConcurrentLinkedQueue<>();
  private final AtomicLong firstNanos = new AtomicLong();
  private final AtomicLong lastNanos = new AtomicLong();

  void record(long responseTimeMillis) {
    long now = System.nanoTime();
    firstNanos.compareAndSet(0, now);
    lastNanos.set(now);
    millis.add(responseTimeMillis);
  }

  Summary summary() {
    List<Long> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    double seconds = Math.max(1e-9, (lastNanos.get() - firstNanos.get()) / 1e9);
    return new Summary(
        sorted.size(), sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 99));
  }

  private static long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  record Summary(long requests, double perSecond, long p50Millis, long p99Millis) {}
}
