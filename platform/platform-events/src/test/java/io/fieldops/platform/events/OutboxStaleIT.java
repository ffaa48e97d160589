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
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A process died in the middle of a send: its publication is left PROCESSING, a state the
 * resubmission of FAILED publications never looks at. The platform's stale check turns it into
 * FAILED once it is older than {@code spring.modulith.events.staleness.processing}, and the next
 * resubmission sends it, while the service keeps running (republication at start-up is switched off
 * here, so only the periodic check can deliver it).
 */
class OutboxStaleIT {

  private static final UUID ORG = UUID.fromString("5e4d3c2b-1a09-4f8e-a7d6-c5b4a3928170");

  private final SharedInfrastructure infrastructure = SharedInfrastructure.get();
  private final String database = infrastructure.createDatabase("OutboxStaleIT");

  @Test
  void aPublicationStuckMidSendIsSentWithoutARestart() {
    String key;
    try (TcpProxy kafka = TcpProxy.to(infrastructure.kafkaBootstrapServers());
        var first = start(kafka.address(), "1h")) {
      var published = first.getBean(BookingService.class).create(ORG, "Stuck in the middle");
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
    // what a process that died mid-send leaves behind: PROCESSING (written while no instance
    // runs, so no resubmission races the change); not stale yet when the next instance starts
    JdbcTemplate offline =
        new JdbcTemplate(
            new DriverManagerDataSource(
                database, infrastructure.jdbcUsername(), infrastructure.jdbcPassword()));
    assertThat(
            offline.update(
                "UPDATE event_publication SET status = 'PROCESSING', publication_date = now(),"
                    + " last_resubmission_date = NULL"))
        .isOne();

    try (var probe = new KafkaProbe(infrastructure.kafkaBootstrapServers(), Topics.BOOKINGS);
        var second = start(infrastructure.kafkaBootstrapServers(), "300ms")) {
      JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
      // while the service runs, the send becomes older than the staleness (1 minute)
      assertThat(
              jdbc.update(
                  "UPDATE event_publication SET publication_date = now() - interval '5 minutes'"
                      + " WHERE status = 'PROCESSING'"))
          .isOne();

      var record = probe.awaitKey(key);
      assertThat(new String(record.value())).contains("\"title\":\"Stuck in the middle\"");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> SampleInstance.count(jdbc, "SELECT count(*) FROM event_publication") == 0);
    }
  }

  private ConfigurableApplicationContext start(String kafka, String staleCheckInterval) {
    return SampleInstance.start(
        database,
        kafka,
        "--spring.modulith.events.republish-outstanding-events-on-restart=false",
        "--fieldops.events.outbox.resubmit-interval=300ms",
        "--fieldops.events.outbox.stale-check-interval=" + staleCheckInterval);
  }
}
