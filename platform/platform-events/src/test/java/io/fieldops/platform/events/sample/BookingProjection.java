package io.fieldops.platform.events.sample;

import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.consumer.ProcessedEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** An idempotent consumer: one row per booking however often Kafka delivers the event. */
@Component
public class BookingProjection {

  public static final String CONSUMER = "sample-projection";

  private final ProcessedEvents processedEvents;
  private final JdbcTemplate jdbc;

  BookingProjection(ProcessedEvents processedEvents, JdbcTemplate jdbc) {
    this.processedEvents = processedEvents;
    this.jdbc = jdbc;
  }

  @KafkaListener(topics = Topics.BOOKINGS, groupId = CONSUMER)
  @Transactional
  public void on(EventEnvelope<BookingCreated> event) {
    if (!processedEvents.firstTime(CONSUMER, event.id())) {
      return;
    }
    jdbc.update(
        "INSERT INTO sample_booking_view (event_id, booking_id, title) VALUES (?, ?, ?)",
        event.id(),
        event.data().bookingId(),
        event.data().title());
  }
}
