package io.fieldops.perf;

import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Response times and errors of one measured target, so the simulation can print its own summary
 * (throughput, p50/p99, errors) and compare targets side by side (Gatling's own report shows each
 * request on its own, not the comparison).
 */
final class LatencyRecorder {

  /** The session attribute a measured request saves its response time to. */
  static final String RESPONSE_TIME = "responseTime";

  private final ConcurrentLinkedQueue<Long> millis = new ConcurrentLinkedQueue<>();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong firstNanos = new AtomicLong();
  private final AtomicLong lastNanos = new AtomicLong();

  void record(long responseTimeMillis) {
    mark();
    millis.add(responseTimeMillis);
  }

  /** A request that failed (a check, a status, a connection): counted, not timed. */
  void recordError() {
    mark();
    errors.incrementAndGet();
  }

  private void mark() {
    long now = System.nanoTime();
    firstNanos.compareAndSet(0, now);
    lastNanos.set(now);
  }

  /**
   * The step after a request that saved {@link #RESPONSE_TIME}: its time into every recorder given,
   * or an error when one of its checks failed. The session's failure is then cleared, so the next
   * request of a loop is counted on its own (a failed session otherwise stays failed). Gatling's
   * own statistics and assertions still count the failed request.
   */
  static Session recordOutcome(Session session, LatencyRecorder... recorders) {
    for (LatencyRecorder recorder : recorders) {
      if (session.isFailed()) {
        recorder.recordError();
      } else {
        recorder.record(session.getLong(RESPONSE_TIME));
      }
    }
    return session.markAsSucceeded();
  }

  /**
   * The step after a set-up request that is not measured (e.g. creating what a virtual user then
   * works on): when it failed, an error of every recorder given, so that the summary does not show
   * 0 errors for a run whose users could not start. Unlike {@link #recordOutcome} the failure stays
   * on the session, for an {@code exitHereIfFailed()} after it.
   */
  static Session recordSetUpFailure(Session session, LatencyRecorder... recorders) {
    if (session.isFailed()) {
      for (LatencyRecorder recorder : recorders) {
        recorder.recordError();
      }
    }
    return session;
  }

  Summary summary() {
    List<Long> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    double seconds = Math.max(1e-9, (lastNanos.get() - firstNanos.get()) / 1e9);
    return new Summary(
        sorted.size(),
        sorted.size() / seconds,
        percentile(sorted, 50),
        percentile(sorted, 99),
        errors.get());
  }

  private static long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  /**
   * {@code requests}: the successful ones, which {@code perSecond} and the percentiles describe.
   */
  record Summary(long requests, double perSecond, long p50Millis, long p99Millis, long errors) {

    double errorPercent() {
      long total = requests + errors;
      return total == 0 ? 0.0 : 100.0 * errors / total;
    }

    /** {@code 1731 bookings, 58.2 bookings/s, p50 251 ms, p99 822 ms, errors 0 (0.00 %)}. */
    String describe(String noun) {
      return String.format(
          Locale.ROOT,
          "%d %s, %.1f %s/s, p50 %d ms, p99 %d ms, errors %d (%.2f %%)",
          requests,
          noun,
          perSecond,
          noun,
          p50Millis,
          p99Millis,
          errors,
          errorPercent());
    }
  }
}
