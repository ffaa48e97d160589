package io.fieldops.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.platform.events.sample.BookingService;
import io.fieldops.platform.test.IntegrationTest;
import io.fieldops.platform.test.KafkaProbe;
import io.fieldops.platform.test.SharedInfrastructure;
import io.fieldops.platform.test.TcpProxy;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application starts while Kafka is unreachable: an event published then must reach Kafka once
 * the broker can be reached, with no help from the test beyond restoring the network path.
 */
@IntegrationTest
class OutboxOutageIT {

  private static final UUID ORG = UUID.fromString("1a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d");

  // The only address the application knows; nothing listens there until the proxy opens.
  private static final TcpProxy KAFKA =
      TcpProxy.to(SharedInfrastructure.get().kafkaBootstrapServers());

  @DynamicPropertySource
  static void kafkaThatIsNotThereYet(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", KAFKA::address);
    // No listeners: this test is about the producer side only.
    registry.add("spring.kafka.listener.auto-startup", () -> "false");
    registry.add("spring.kafka.producer.properties.max.block.ms", () -> "1500");
  }

  @Autowired BookingService bookings;
  @Autowired JdbcTemplate jdbc;

  @Test
  void eventPublishedDuringAnOutageIsDeliveredWhenKafkaIsBack() {
    var published = bookings.create(ORG, "Booked while Kafka was down");
    String key = published.data().bookingId().toString();

    // The business change committed; the send failed and the publication waits for a retry.
    assertThat(
            count("SELECT count(*) FROM sample_booking WHERE id = ?", published.data().bookingId()))
        .isOne();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> count("SELECT count(*) FROM event_publication WHERE status = 'FAILED'") == 1);
    assertThat(count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"))
        .isOne();

    KAFKA.open();

    try (var probe =
        new KafkaProbe(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.BOOKINGS)) {
      var record = probe.awaitRecord(Duration.ofSeconds(60), r -> key.equals(r.key()));
      JsonNode value = JsonMapper.builder().build().readTree(record.value());
      assertThat(value.get("id").asString()).isEqualTo(published.id().toString());
      assertThat(value.get("type").asString()).isEqualTo("booking.created");
      assertThat(value.get("data").get("title").asString())
          .isEqualTo("Booked while Kafka was down");
      // delivered once, not once per resubmission attempt
      assertThat(probe.seen()).filteredOn(r -> key.equals(r.key())).hasSize(1);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> count("SELECT count(*) FROM event_publication") == 0);
  }

  @AfterAll
  static void closeProxy() {
    KAFKA.close();
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }
}
