package io.fieldops.platform.time;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link Clock} every service reads "now" from, so that a test can move a whole service in
 * time (platform-test's {@code fieldops.test.clock}) instead of depending on today's date.
 */
@AutoConfiguration
public class PlatformClockAutoConfiguration {

  /**
   * UTC in millisecond ticks: PostgreSQL keeps microseconds, so what a first answer showed is
   * exactly what a later read, an ETag or an event envelope's {@code occurred_at} shows.
   */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.tickMillis(ZoneOffset.UTC);
  }
}
