package io.fieldops.platform.events.outbox;

import io.fieldops.platform.events.config.PlatformEventsProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.Staleness;

/**
 * Retries publications whose Kafka send failed (broker down, timeout), so an outage delays events
 * instead of losing them.
 *
 * <p>Modulith 2.0 marks a failed send FAILED and leaves resubmission to the application: every
 * {@code fieldops.events.outbox.resubmit-interval} this resubmits FAILED publications, and once a
 * minute it turns publications stuck in PUBLISHED/PROCESSING/RESUBMITTED for longer than {@code
 * spring.modulith.events.staleness.*} (a process that died mid-send) into FAILED. It runs on its
 * own thread rather than through {@code @EnableScheduling}, which would switch on every
 * {@code @Scheduled} method of the service as a side effect.
 */
public class OutboxResubmitter implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxResubmitter.class);
  private static final Duration STALE_CHECK_INTERVAL = Duration.ofMinutes(1);

  private final FailedEventPublications failedPublications;
  private final EventPublicationRegistry registry;
  private final Staleness staleness;
  private final PlatformEventsProperties.Outbox properties;
  private ScheduledExecutorService scheduler;

  public OutboxResubmitter(
      FailedEventPublications failedPublications,
      EventPublicationRegistry registry,
      Staleness staleness,
      PlatformEventsProperties.Outbox properties) {
    this.failedPublications = failedPublications;
    this.registry = registry;
    this.staleness = staleness;
    this.properties = properties;
  }

  /** Resubmits failed publications now. Public for tests and admin endpoints. */
  public void resubmitFailed() {
    try {
      failedPublications.resubmit(
          ResubmissionOptions.defaults()
              .withBatchSize(properties.resubmitBatchSize())
              .withMaxInFlight(properties.resubmitBatchSize())
              .withMinAge(properties.resubmitMinAge()));
    } catch (RuntimeException e) {
      // The database may be briefly unreachable too; the next tick tries again.
      log.warn("Resubmitting failed event publications did not complete: {}", e.toString());
    }
  }

  /** Marks publications stuck longer than the configured staleness as failed. */
  public void markStalePublicationsFailed() {
    try {
      registry.markStalePublicationsFailed(staleness);
    } catch (RuntimeException e) {
      log.warn("Checking for stale event publications did not complete: {}", e.toString());
    }
  }

  @Override
  public synchronized void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable ->
                Thread.ofPlatform().name("outbox-resubmitter").daemon().unstarted(runnable));
    long interval = properties.resubmitInterval().toMillis();
    scheduler.scheduleWithFixedDelay(
        this::resubmitFailed, interval, interval, TimeUnit.MILLISECONDS);
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
