package io.fieldops.platform.events.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fieldops.events.*}: tuning of the outbox resubmission, the consumers' retries and the
 * Idempotency-Key store. Every value has a default; services normally set none of them.
 */
@ConfigurationProperties("fieldops.events")
public record PlatformEventsProperties(
    @DefaultValue Outbox outbox,
    @DefaultValue Consumer consumer,
    @DefaultValue Idempotency idempotency) {

  /**
   * The Idempotency-Key store.
   *
   * @param ttl how long a key and its first answer are kept; after that the key may be used again
   * @param cleanupInterval pause between two deletions of expired keys
   */
  public record Idempotency(
      @DefaultValue("24h") Duration ttl, @DefaultValue("10m") Duration cleanupInterval) {

    public Idempotency {
      require(ttl.isPositive(), "fieldops.events.idempotency.ttl must be > 0");
      require(
          cleanupInterval.isPositive(), "fieldops.events.idempotency.cleanup-interval must be > 0");
    }
  }

  /**
   * @param resubmitInterval pause between two passes over failed publications
   * @param resubmitMinAge a failed publication younger than this waits for the next pass
   * @param resubmitBatchSize most publications resubmitted (and in flight) per pass
   * @param staleCheckInterval pause between two looks for publications stuck longer than {@code
   *     spring.modulith.events.staleness.*}
   */
  public record Outbox(
      @DefaultValue("10s") Duration resubmitInterval,
      @DefaultValue("0s") Duration resubmitMinAge,
      @DefaultValue("100") int resubmitBatchSize,
      @DefaultValue("30s") Duration staleCheckInterval) {

    public Outbox {
      require(
          resubmitInterval.isPositive(), "fieldops.events.outbox.resubmit-interval must be > 0");
      require(
          staleCheckInterval.isPositive(),
          "fieldops.events.outbox.stale-check-interval must be > 0");
      require(!resubmitMinAge.isNegative(), "fieldops.events.outbox.resubmit-min-age must be >= 0");
      require(resubmitBatchSize > 0, "fieldops.events.outbox.resubmit-batch-size must be > 0");
    }
  }

  /**
   * A failing record is retried {@code retries} times with exponential back-off, then written to
   * {@code <topic>.DLT}. Records that cannot be converted at all skip the retries.
   *
   * @param retries attempts after the first delivery
   * @param initialBackoff pause before the first retry
   * @param backoffMultiplier growth of the pause between retries
   * @param maxBackoff longest pause between two retries
   */
  public record Consumer(
      @DefaultValue("3") int retries,
      @DefaultValue("500ms") Duration initialBackoff,
      @DefaultValue("2.0") double backoffMultiplier,
      @DefaultValue("5s") Duration maxBackoff) {

    public Consumer {
      require(retries >= 0, "fieldops.events.consumer.retries must be >= 0");
      require(initialBackoff.isPositive(), "fieldops.events.consumer.initial-backoff must be > 0");
      require(backoffMultiplier >= 1, "fieldops.events.consumer.backoff-multiplier must be >= 1");
      require(
          maxBackoff.compareTo(initialBackoff) >= 0,
          "fieldops.events.consumer.max-backoff must be >= initial-backoff");
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
