package io.fieldops.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fieldops.platform.events.consumer.ProcessedEvents;
import io.fieldops.platform.events.outbox.Outbox;
import io.fieldops.platform.events.sample.BookingCreated;
import io.fieldops.platform.events.sample.BookingProjection;
import io.fieldops.platform.events.sample.BookingService;
import io.fieldops.platform.test.IntegrationTest;
import io.fieldops.platform.test.KafkaProbe;
import io.fieldops.platform.test.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The producer side: the event commits, or rolls back, with the business change. */
@IntegrationTest
class OutboxIT {

  private static final UUID ORG = UUID.fromString("5d1b0c4e-2f0a-4d7e-9a61-0c9b8e7f6a51");

  @Autowired BookingService bookings;
  @Autowired Outbox outbox;
  @Autowired ProcessedEvents processedEvents;
  @Autowired JdbcTemplate jdbc;

  // The application's mapper (snake_case like every service): what another service would send.
  @Autowired JsonMapper json;

  @Test
  void committedChangeIsOnKafkaAsItsEnvelopeKeyedByTheAggregateId() {
    try (var probe = probe(Topics.BOOKINGS)) {
      var published = bookings.create(ORG, "Termite inspection");
      UUID bookingId = published.data().bookingId();

      ConsumerRecord<String, byte[]> record = probe.awaitKey(bookingId.toString());

      JsonNode value = json.readTree(record.value());
      assertThat(value.propertyNames())
          .containsExactlyInAnyOrder("id", "type", "version", "occurred_at", "org_id", "data");
      assertThat(value.get("id").asString()).isEqualTo(published.id().toString());
      assertThat(value.get("type").asString()).isEqualTo("booking.created");
      assertThat(value.get("version").asInt()).isEqualTo(1);
      assertThat(Instant.parse(value.get("occurred_at").asString()))
          .isEqualTo(published.occurredAt());
      assertThat(value.get("occurred_at").asString()).endsWith("Z");
      assertThat(value.get("org_id").asString()).isEqualTo(ORG.toString());
      assertThat(value.get("data").get("booking_id").asString()).isEqualTo(bookingId.toString());
      assertThat(value.get("data").get("title").asString()).isEqualTo("Termite inspection");

      // The booking row committed, the publication completed (completed rows are deleted).
      assertThat(count("SELECT count(*) FROM sample_booking WHERE id = ?", bookingId)).isOne();
      await().atMost(Duration.ofSeconds(10)).until(() -> publications() == 0);
      // ... and the application's own listener received it, typed.
      await().atMost(Duration.ofSeconds(30)).until(() -> viewRows(bookingId) == 1);
    }
  }

  @Test
  void rolledBackChangePublishesNothing() {
    try (var probe = probe(Topics.BOOKINGS)) {
      assertThatThrownBy(() -> bookings.createThenFail(ORG, "Rolled back visit"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("slot was taken meanwhile");

      assertThat(count("SELECT count(*) FROM sample_booking WHERE title = 'Rolled back visit'"))
          .isZero();
      assertThat(
              count(
                  "SELECT count(*) FROM event_publication"
                      + " WHERE serialized_event LIKE '%Rolled back visit%'"))
          .isZero();

      // Kafka keeps order within the partition: once a later event is there, an earlier one
      // would have been too.
      var marker = bookings.create(ORG, "Marker after rollback");
      probe.awaitKey(marker.data().bookingId().toString());
      assertThat(probe.seen())
          .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
          .noneMatch(value -> value.contains("Rolled back visit"));
    }
  }

  @Test
  void redeliveredEventIsAppliedOnce() {
    UUID bookingId = UUID.randomUUID();
    var event =
        EventEnvelope.of("booking.created", ORG, new BookingCreated(bookingId, "Duplicate visit"));
    byte[] value = bytes(event);

    try (var producer = producer()) {
      producer.send(Topics.BOOKINGS, bookingId.toString(), value);
      producer.send(Topics.BOOKINGS, bookingId.toString(), value);
      UUID markerId = UUID.randomUUID();
      producer.send(
          Topics.BOOKINGS,
          markerId.toString(),
          bytes(EventEnvelope.of("booking.created", ORG, new BookingCreated(markerId, "Marker"))));

      // The marker was sent after both copies; once it is applied, both copies were handled.
      await().atMost(Duration.ofSeconds(30)).until(() -> viewRows(markerId) == 1);
    }

    assertThat(viewRows(bookingId)).isOne();
    assertThat(
            count(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                BookingProjection.CONSUMER,
                event.id()))
        .isOne();
  }

  @Test
  void publishingOrMarkingOutsideATransactionIsRefused() {
    var event = EventEnvelope.of("booking.created", ORG, "x");

    assertThatThrownBy(() -> outbox.publish(Topics.BOOKINGS, "k", event))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs an active transaction");
    assertThatThrownBy(() -> processedEvents.firstTime("c", event.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs the handler's transaction");
  }

  private KafkaProbe probe(String topic) {
    return new KafkaProbe(SharedInfrastructure.get().kafkaBootstrapServers(), topic);
  }

  private RawProducer producer() {
    return new RawProducer(SharedInfrastructure.get().kafkaBootstrapServers());
  }

  private byte[] bytes(Object value) {
    return json.writeValueAsBytes(value);
  }

  private int viewRows(UUID bookingId) {
    return count("SELECT count(*) FROM sample_booking_view WHERE booking_id = ?", bookingId);
  }

  private int publications() {
    return count("SELECT count(*) FROM event_publication");
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }
}
