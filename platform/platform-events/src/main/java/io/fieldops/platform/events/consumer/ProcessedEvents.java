package io.fieldops.platform.events.consumer;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The idempotency guard of a consumer: Kafka delivers at least once, so a handler asks whether it
 * is seeing an event for the first time before applying it.
 *
 * <pre>{@code
 * @KafkaListener(topics = Topics.BOOKINGS, groupId = "notification")
 * @Transactional
 * void on(EventEnvelope<BookingCreated> event) {
 *   if (!processedEvents.firstTime("notification.bookings", event.id())) {
 *     return; // a redelivery: already applied
 *   }
 *   ...
 * }
 * }</pre>
 *
 * <p>The mark is written in the handler's transaction: if the handler fails afterwards, the mark
 * rolls back with the change and the retry applies the event again.
 */
public class ProcessedEvents {

  private final JdbcTemplate jdbc;

  public ProcessedEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records that {@code consumer} applies {@code eventId} now; {@code false} if it already did.
   *
   * @throws IllegalStateException outside a transaction, where the mark would commit on its own
   */
  public boolean firstTime(String consumer, UUID eventId) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "ProcessedEvents.firstTime needs the handler's transaction (annotate the listener"
              + " @Transactional) so the mark commits together with the change");
    }
    int inserted =
        jdbc.update(
            "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?)"
                + " ON CONFLICT (consumer, event_id) DO NOTHING",
            consumer,
            eventId);
    return inserted == 1;
  }
}
