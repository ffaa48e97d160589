package io.fieldops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SharedInfrastructureIT {

  private final SharedInfrastructure infrastructure = SharedInfrastructure.get();

  @Test
  void postgresqlAnswersSqlInAFreshDatabase() throws Exception {
    String url = infrastructure.createDatabase("SharedInfrastructureIT");

    try (Connection connection =
            DriverManager.getConnection(
                url, infrastructure.jdbcUsername(), infrastructure.jdbcPassword());
        Statement statement = connection.createStatement()) {
      statement.execute("create table greeting (text varchar(20) not null)");
      statement.execute("insert into greeting values ('sawasdee')");
      ResultSet rows =
          statement.executeQuery(
              "select text, current_setting('server_version_num')::int from greeting");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("sawasdee");
      assertThat(rows.getInt(2)).isGreaterThanOrEqualTo(160000);
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void everyCallCreatesADifferentDatabase() {
    String first = infrastructure.createDatabase("same hint");
    String second = infrastructure.createDatabase("same hint");

    assertThat(first).isNotEqualTo(second).contains("/same_hint_");
  }

  @Test
  void databaseNamesFitPostgresqlIdentifiers() {
    String name = SharedInfrastructure.databaseName("io.fieldops." + "x".repeat(100));

    assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9_]+_\\d+");
  }

  @Test
  void kafkaRoundTripsARecord() {
    String topic = "round-trip-" + UUID.randomUUID();
    Map<String, Object> producerConfig =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    Map<String, Object> consumerConfig =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            infrastructure.kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "round-trip",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);

    try (var producer = new KafkaProducer<String, String>(producerConfig);
        var consumer = new KafkaConsumer<String, String>(consumerConfig)) {
      producer.send(new ProducerRecord<>(topic, "booking-1", "{\"hello\":\"kafka\"}")).get();
      consumer.subscribe(List.of(topic));

      List<ConsumerRecord<String, String>> received = new java.util.ArrayList<>();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
              });

      assertThat(received).hasSize(1);
      assertThat(received.getFirst().key()).isEqualTo("booking-1");
      assertThat(received.getFirst().value()).isEqualTo("{\"hello\":\"kafka\"}");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
