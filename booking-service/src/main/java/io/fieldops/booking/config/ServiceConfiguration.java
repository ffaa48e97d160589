package io.fieldops.booking.config;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The domain's plain objects as beans. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ServiceConfiguration {

  /** Millisecond ticks: what PostgreSQL keeps and what a response can echo back exactly. */
  @Bean
  Clock clock() {
    return Clock.tickMillis(ZoneOffset.UTC);
  }
}
