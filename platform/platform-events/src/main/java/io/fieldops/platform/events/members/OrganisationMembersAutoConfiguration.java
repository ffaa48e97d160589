package io.fieldops.platform.events.members;

import io.fieldops.platform.events.config.PlatformEventsAutoConfiguration;
import io.fieldops.platform.events.consumer.ProcessedEvents;
import java.util.Arrays;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The organisation members read model: {@link OrganisationMembers} to query, {@link
 * MembersListener} to feed it from topic {@code users}, and its table in Flyway's path.
 *
 * <p>Off unless {@code fieldops.members.enabled=true}. Only services whose write paths name staff
 * (jobcard-service's technicians, ticket-service's assigner and technicians) need it; switched on
 * everywhere it would give every service a table, a consumer group reading every user event, and a
 * copy of staff identity that it has no use for (docs/architecture.md "Identity and tenancy": other
 * services store only user ids).
 */
@AutoConfiguration(after = PlatformEventsAutoConfiguration.class)
@ConditionalOnProperty(name = "fieldops.members.enabled", havingValue = "true")
public class OrganisationMembersAutoConfiguration {

  /** Flyway reads this location next to the service's own and the platform's migrations. */
  public static final String MIGRATION_LOCATION = "classpath:db/platform-members";

  @Bean
  @ConditionalOnMissingBean
  OrganisationMembers organisationMembers(JdbcClient jdbc) {
    return new OrganisationMembers(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  MembersListener membersListener(ProcessedEvents processedEvents, JdbcClient jdbc) {
    return new MembersListener(processedEvents, jdbc);
  }

  /**
   * Appends like the platform's own location does, so a service's {@code spring.flyway.locations}
   * stays its own business. Declared here rather than in a nested class: flyway is a dependency of
   * platform-events anyway, and a nested configuration would escape the property condition when a
   * component scan covers this package.
   */
  @Bean
  FlywayConfigurationCustomizer organisationMembersMigrations() {
    return configuration -> {
      Location members = new Location(MIGRATION_LOCATION);
      Location[] existing = configuration.getLocations();
      if (Arrays.stream(existing).noneMatch(members::equals)) {
        configuration.locations(
            Stream.concat(Arrays.stream(existing), Stream.of(members)).toArray(Location[]::new));
      }
    };
  }
}
