package io.fieldops.platform.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning, outside the application, as another service would: for tests
 * that assert what a service really published to Kafka.
 */
public final class KafkaProbe implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

  public KafkaProbe(String bootstrapServers, String topic) {
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
    consumer.subscribe(List.of(topic));
  }

  /** Polls until a record matches, within {@code timeout}. */
  public ConsumerRecord<String, byte[]> awaitRecord(
      Duration timeout, Predicate<ConsumerRecord<String, byte[]>> match) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
              return seen.stream().anyMatch(match);
            });
    return seen.stream().filter(match).findFirst().orElseThrow();
  }

  /** Polls until a record with this key arrives, within 30 s. */
  public ConsumerRecord<String, byte[]> awaitKey(String key) {
    return awaitRecord(Duration.ofSeconds(30), record -> key.equals(record.key()));
  }

  /** Everything polled so far. */
  public List<ConsumerRecord<String, byte[]>> seen() {
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
