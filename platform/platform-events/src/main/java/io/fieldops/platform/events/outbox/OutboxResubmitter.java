package io.fieldops.platform.events.outbox;

import io.fieldops.platform.events.config.PlatformEventsProperties;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.Staleness;

/**
 * Retries publications whose Kafka send failed (broker down, timeout), so an outage delays events
 * instead of losing them.
 *
 * <p>Modulith 2.0 marks a failed send FAILED and leaves resubmission to the application. The
 * platform's {@code Housekeeping} calls {@link #resubmitFailed} every {@code
 * fieldops.events.outbox.resubmit-interval}, and {@link #markStalePublicationsFailed} every {@code
 * fieldops.events.outbox.stale-check-interval}: a publication stuck in PUBLISHED, PROCESSING or
 * RESUBMITTED for longer than {@code spring.modulith.events.staleness.*} belonged to a process that
 * died mid-send, and becomes FAILED so that the next resubmission sends it.
 */
public class OutboxResubmitter {

  private final FailedEventPublications failedPublications;
  private final EventPublicationRegistry registry;
  private final Staleness staleness;
  private final PlatformEventsProperties.Outbox properties;

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

  /** Resubmits failed publications now. */
  public void resubmitFailed() {
    failedPublications.resubmit(
        ResubmissionOptions.defaults()
            .withBatchSize(properties.resubmitBatchSize())
            .withMaxInFlight(properties.resubmitBatchSize())
            .withMinAge(properties.resubmitMinAge()));
  }

  /** Marks publications stuck longer than the configured staleness as failed. */
  public void markStalePublicationsFailed() {
    registry.markStalePublicationsFailed(staleness);
  }
}
