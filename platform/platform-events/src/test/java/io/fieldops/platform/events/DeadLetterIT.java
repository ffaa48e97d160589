package io.fieldops.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.events.sample.BrokenTicketHandler;
import io.fieldops.platform.test.IntegrationTest;
import io.fieldops.platform.test.KafkaProbe;
import io.fieldops.platform.test.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The consumer side's failure paths: retry then dead-letter, and poison straight to the DLT. */
@IntegrationTest
class DeadLetterIT {

  private static final UUID ORG = UUID.fromString("9f2e7a10-3c4b-4d5e-8f60-718293a4b5c6");

  @Autowired BrokenTicketHandler handler;

  private final String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();

  @Test
  void handlerThatKeepsFailingIsRetriedThenDeadLettered() {
    var event = EventEnvelope.of("ticket.created", ORG, Map.of("title", "Leaking roof"));
    byte[] value = JsonMapper.builder().build().writeValueAsBytes(event);
    String key = UUID.randomUUID().toString();

    try (var dlt = new KafkaProbe(bootstrap, Topics.dlt(Topics.TICKETS));
        var producer = new RawProducer(bootstrap)) {
      producer.send(Topics.TICKETS, key, value);

      ConsumerRecord<String, byte[]> dead = dlt.awaitKey(key);

      assertThat(dead.topic()).isEqualTo("tickets.DLT");
      assertThat(dead.value()).isEqualTo(value);
      assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo("tickets");
      assertThat(header(dead, "kafka_dlt-exception-message")).contains("ticket handler is broken");
      // first delivery + fieldops.events.consumer.retries (2 in this application)
      assertThat(handler.attempts(event.id())).isEqualTo(3);
    }
  }

  @Test
  void recordThatIsNotAnEnvelopeGoesStraightToTheDeadLetterTopic() {
    byte[] poison = "this is not json".getBytes(StandardCharsets.UTF_8);
    String key = "poison-" + UUID.randomUUID();
    int invocationsBefore = handler.invocations();

    try (var dlt = new KafkaProbe(bootstrap, Topics.dlt(Topics.TICKETS));
        var producer = new RawProducer(bootstrap)) {
      producer.send(Topics.TICKETS, key, poison);

      ConsumerRecord<String, byte[]> dead = dlt.awaitKey(key);

      assertThat(dead.value()).isEqualTo(poison);
      assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo("tickets");
      assertThat(header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
      // never reached the handler, so it was never retried either
      assertThat(handler.invocations()).isEqualTo(invocationsBefore);
    }
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header %s", name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
