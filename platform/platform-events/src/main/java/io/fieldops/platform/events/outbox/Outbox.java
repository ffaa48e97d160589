package io.fieldops.platform.events.outbox;

import io.fieldops.platform.events.EventEnvelope;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox a service publishes through, inside its {@code @Transactional} method:
 *
 * <pre>{@code
 * outbox.publish(Topics.BOOKINGS, booking.getId(), EventEnvelope.of("booking.created", orgId, data));
 * }</pre>
 *
 * <p>The event becomes a row of Spring Modulith's {@code event_publication} table in the caller's
 * transaction; after commit it is sent to Kafka at once (asynchronously), and a failed send is
 * retried by {@link OutboxResubmitter} and on restart. Delivery is therefore at least once:
 * consumers deduplicate by {@link EventEnvelope#id()}.
 */
public class Outbox {

  private final ApplicationEventPublisher publisher;

  public Outbox(ApplicationEventPublisher publisher) {
    this.publisher = publisher;
  }

  public <T> EventEnvelope<T> publish(String topic, UUID key, EventEnvelope<T> envelope) {
    return publish(topic, key.toString(), envelope);
  }

  public <T> EventEnvelope<T> publish(String topic, String key, EventEnvelope<T> envelope) {
    // Outside a transaction the publication would be stored but the after-commit listener would
    // never fire: refuse instead of losing the event silently.
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "Outbox.publish needs an active transaction (call it from a @Transactional method) so"
              + " that the event commits with the change it announces: "
              + envelope.type());
    }
    publisher.publishEvent(new OutboundEvent(topic, key, envelope));
    return envelope;
  }
}
