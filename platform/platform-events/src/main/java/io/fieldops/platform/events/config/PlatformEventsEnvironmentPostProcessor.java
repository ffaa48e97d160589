package io.fieldops.platform.events.config;

import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults at the lowest precedence, so any application.yml, environment variable or test property
 * overrides them and a service's own configuration stays short.
 */
public class PlatformEventsEnvironmentPostProcessor implements EnvironmentPostProcessor {

  static final String SOURCE_NAME = "fieldopsPlatformEventsDefaults";

  static final Map<String, Object> DEFAULTS =
      Map.ofEntries(
          // A new consumer group (a new service, a new notification replica) starts from the
          // oldest retained event rather than silently skipping what happened before it joined.
          Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
          // JSON bytes both ways; the listener container converts to the parameter type, and the
          // DLT gets the original bytes back (Modulith's Kafka JSON support assumes the same).
          Map.entry("spring.kafka.producer.value-serializer", ByteArraySerializer.class.getName()),
          Map.entry(
              "spring.kafka.consumer.value-deserializer", ByteArrayDeserializer.class.getName()),
          // With Kafka down, fail a send within seconds (default 60 s blocked in metadata lookup)
          // so the outbox thread is released and the publication is marked failed for retry.
          Map.entry("spring.kafka.producer.properties.max.block.ms", "5000"),
          Map.entry("spring.kafka.producer.properties.request.timeout.ms", "10000"),
          Map.entry("spring.kafka.producer.properties.delivery.timeout.ms", "30000"),
          Map.entry("spring.kafka.producer.acks", "all"),
          // With observation on, the template asks an admin client for the cluster id before it
          // sends; with Kafka down that took 30 s, and closing the client waited for its pending
          // call up to a minute more: a send must fail in seconds, as above.
          Map.entry("spring.kafka.admin.operation-timeout", "5s"),
          Map.entry("spring.kafka.admin.properties.default.api.timeout.ms", "5000"),
          Map.entry("spring.kafka.admin.properties.request.timeout.ms", "5000"),
          // Carry the trace context (traceparent header) from producer to consumer.
          Map.entry("spring.kafka.template.observation-enabled", "true"),
          Map.entry("spring.kafka.listener.observation-enabled", "true"),
          // Outbox: publications left over by a crash are sent again at start-up, completed ones
          // are deleted so the table stays small, stuck ones become resubmittable after a minute.
          Map.entry("spring.modulith.events.republish-outstanding-events-on-restart", "true"),
          Map.entry("spring.modulith.events.completion-mode", "DELETE"),
          Map.entry("spring.modulith.events.staleness.published", "1m"),
          Map.entry("spring.modulith.events.staleness.processing", "1m"),
          Map.entry("spring.modulith.events.staleness.resubmission", "1m"),
          // The platform's tables are versioned V0_x so that they sort before a service's own V1;
          // a platform table added later (V0_3) must still be applied to a database that already
          // has the service's V1, V2, ... instead of failing validation.
          Map.entry("spring.flyway.out-of-order", "true"));

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getPropertySources().contains(SOURCE_NAME)) {
      environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
    }
  }
}
