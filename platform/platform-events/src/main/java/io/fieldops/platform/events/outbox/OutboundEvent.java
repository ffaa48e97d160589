package io.fieldops.platform.events.outbox;

import io.fieldops.platform.events.EventEnvelope;
import java.util.Objects;

/**
 * An envelope on its way to {@code topic} with record key {@code key}. This is the application
 * event that Spring Modulith stores in {@code event_publication} and externalizes to Kafka; after a
 * restart it is read back from its JSON, so {@code data} then arrives as a map with the same JSON.
 */
public record OutboundEvent(String topic, String key, EventEnvelope<?> envelope) {

  public OutboundEvent {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(envelope, "envelope");
  }
}
