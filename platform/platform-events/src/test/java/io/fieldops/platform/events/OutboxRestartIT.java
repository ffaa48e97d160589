package io.fieldops.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.platform.events.sample.BookingService;
import io.fieldops.platform.test.KafkaProbe;
import io.fieldops.platform.test.SharedInfrastructure;
import io.fieldops.platform.test.TcpProxy;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An instance stops (or dies) with an event it could not send; the next instance to start on the
 * same database sends it. Periodic resubmission is switched off here, so only the start-up
 * republication can deliver it.
 */
class OutboxRestartIT {

  private static final UUID ORG = UUID.fromString("7c6b5a49-3827-4165-a4b3-c2d1e0f9a8b7");

  private final SharedInfrastructure infrastructure = SharedInfrastructure.get();
  private final String database = infrastructure.createDatabase("OutboxRestartIT");

  @Test
  void publicationLeftByAStoppedInstanceIsSentByTheNextOne() {
    try (TcpProxy kafka = TcpProxy.to(infrastructure.kafkaBootstrapServers())) {
      String key;
      try (var first = start(kafka.address())) {
        var published = first.getBean(BookingService.class).create(ORG, "Booked before a restart");
        key = published.data().bookingId().toString();
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    SampleInstance.count(
                            jdbc, "SELECT count(*) FROM event_publication WHERE status = 'FAILED'")
                        == 1);
      }

      kafka.open();

      try (var probe = new KafkaProbe(infrastructure.kafkaBootstrapServers(), Topics.BOOKINGS);
          var second = start(kafka.address())) {
        var record = probe.awaitKey(key);
        assertThat(new String(record.value())).contains("\"title\":\"Booked before a restart\"");
        JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> SampleInstance.count(jdbc, "SELECT count(*) FROM event_publication") == 0);
      }
    }
  }

  private ConfigurableApplicationContext start(String kafka) {
    return SampleInstance.start(database, kafka, "--fieldops.events.outbox.resubmit-interval=1h");
  }
}
