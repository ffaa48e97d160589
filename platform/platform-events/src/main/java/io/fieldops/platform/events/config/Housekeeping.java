package io.fieldops.platform.events.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The platform's periodic chores (resubmitting failed publications, turning stuck ones into failed
 * ones, forgetting expired Idempotency-Keys), run on one daemon thread of their own rather than
 * through {@code @EnableScheduling}, which would switch on every {@code @Scheduled} method of the
 * service as a side effect, and which a service might not enable at all.
 */
public class Housekeeping implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  /** One chore: what it is called in the log, how often it runs, and what it does. */
  public record Chore(String name, Duration interval, Runnable task) {}

  private final List<Chore> chores;
  private ScheduledExecutorService scheduler;

  public Housekeeping(List<Chore> chores) {
    this.chores = List.copyOf(chores);
  }

  public List<Chore> chores() {
    return chores;
  }

  @Override
  public synchronized void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable ->
                Thread.ofPlatform().name("platform-housekeeping").daemon().unstarted(runnable));
    for (Chore chore : chores) {
      long interval = chore.interval().toMillis();
      scheduler.scheduleWithFixedDelay(() -> run(chore), interval, interval, TimeUnit.MILLISECONDS);
    }
  }

  private static void run(Chore chore) {
    try {
      chore.task().run();
    } catch (RuntimeException e) {
      // the database may be briefly unreachable: the next round tries again
      log.warn("{} did not complete: {}", chore.name(), e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
