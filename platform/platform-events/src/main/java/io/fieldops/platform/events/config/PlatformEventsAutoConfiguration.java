package io.fieldops.platform.events.config;

import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.consumer.ProcessedEvents;
import io.fieldops.platform.events.idempotency.IdempotencyKeys;
import io.fieldops.platform.events.outbox.OutboundEvent;
import io.fieldops.platform.events.outbox.Outbox;
import io.fieldops.platform.events.outbox.OutboxResubmitter;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.api.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.config.EventExternalizationAutoConfiguration;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything a service gets by depending on platform-events: the {@link Outbox}, its Kafka
 * externalization and resubmission, the {@link ProcessedEvents} guard, the {@link IdempotencyKeys}
 * store, a retry-then-dead-letter error handler for every {@code @KafkaListener}, and the platform
 * tables in Flyway's path.
 */
@AutoConfiguration(before = EventExternalizationAutoConfiguration.class)
@EnableConfigurationProperties(PlatformEventsProperties.class)
public class PlatformEventsAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PlatformEventsAutoConfiguration.class);

  /** Flyway reads this location next to the service's own {@code db/migration}. */
  public static final String MIGRATION_LOCATION = "classpath:db/platform-events";

  /**
   * Only {@link OutboundEvent}s leave the process, to the topic and key they name, as the bare
   * envelope. Routing per instance (not per class) is what lets one event type serve every topic.
   */
  @Bean
  @ConditionalOnMissingBean
  static EventExternalizationConfiguration eventExternalizationConfiguration() {
    return EventExternalizationConfiguration.externalizing()
        .select(event -> event instanceof OutboundEvent)
        .mapping(OutboundEvent.class, OutboundEvent::envelope)
        .route(
            OutboundEvent.class,
            event -> RoutingTarget.forTarget(event.topic()).andKey(event.key()))
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  Outbox outbox(ApplicationEventPublisher publisher) {
    return new Outbox(publisher);
  }

  @Bean
  @ConditionalOnMissingBean
  OutboxResubmitter outboxResubmitter(
      FailedEventPublications failedPublications,
      EventPublicationRegistry registry,
      Staleness staleness,
      PlatformEventsProperties properties) {
    return new OutboxResubmitter(failedPublications, registry, staleness, properties.outbox());
  }

  @Bean
  @ConditionalOnMissingBean
  IdempotencyKeys idempotencyKeys(
      JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
    return new IdempotencyKeys(jdbc, transactions, json, clock);
  }

  /** The outbox's and the Idempotency-Key store's periodic chores, scheduled once, here. */
  @Bean
  @ConditionalOnMissingBean
  Housekeeping platformHousekeeping(
      OutboxResubmitter outbox, IdempotencyKeys idempotency, PlatformEventsProperties properties) {
    Duration ttl = properties.idempotency().ttl();
    return new Housekeeping(
        List.of(
            new Housekeeping.Chore(
                "Resubmitting failed event publications",
                properties.outbox().resubmitInterval(),
                outbox::resubmitFailed),
            new Housekeeping.Chore(
                "Checking for stale event publications",
                properties.outbox().staleCheckInterval(),
                outbox::markStalePublicationsFailed),
            new Housekeeping.Chore(
                "Forgetting expired Idempotency-Keys",
                properties.idempotency().cleanupInterval(),
                () -> {
                  int forgotten = idempotency.forgetOlderThan(ttl);
                  if (forgotten > 0) {
                    log.info("Forgot {} Idempotency-Keys older than {}", forgotten, ttl);
                  }
                })));
  }

  @Bean
  @ConditionalOnMissingBean
  ProcessedEvents processedEvents(JdbcTemplate jdbc) {
    return new ProcessedEvents(jdbc);
  }

  /**
   * Picked up by Boot's listener container factory. Values arrive as bytes and are converted to the
   * listener's parameter type by the container, so a record that is not valid JSON fails with a
   * conversion exception, which this handler never retries: it goes straight to the DLT with its
   * original bytes. Partition -1 lets Kafka choose, so a DLT may have fewer partitions than its
   * topic.
   */
  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  DefaultErrorHandler kafkaErrorHandler(
      KafkaOperations<Object, Object> template, PlatformEventsProperties properties) {
    var recoverer =
        new DeadLetterPublishingRecoverer(
            template, (record, exception) -> new TopicPartition(Topics.dlt(record.topic()), -1));
    PlatformEventsProperties.Consumer consumer = properties.consumer();
    var backOff = new ExponentialBackOffWithMaxRetries(consumer.retries());
    backOff.setInitialInterval(consumer.initialBackoff().toMillis());
    backOff.setMultiplier(consumer.backoffMultiplier());
    backOff.setMaxInterval(consumer.maxBackoff().toMillis());
    return new DefaultErrorHandler(recoverer, backOff);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(FlywayConfigurationCustomizer.class)
  static class FlywayLocations {

    /**
     * Appends rather than replaces, so a service that sets {@code spring.flyway.locations} itself
     * still gets the platform tables. Versions V0_x sort before a service's V1.
     */
    @Bean
    FlywayConfigurationCustomizer platformEventsMigrations() {
      return configuration -> {
        Location platform = new Location(MIGRATION_LOCATION);
        Location[] existing = configuration.getLocations();
        if (Arrays.stream(existing).noneMatch(platform::equals)) {
          configuration.locations(
              Stream.concat(Arrays.stream(existing), Stream.of(platform)).toArray(Location[]::new));
        }
      };
    }
  }
}
