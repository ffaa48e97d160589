package io.fieldops.customer.config;

import io.fieldops.customer.phone.MobileNumbers;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain's plain objects as beans. */
@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

  /** Millisecond ticks: what PostgreSQL keeps and what a response can echo back exactly. */
  @Bean
  Clock clock() {
    return Clock.tickMillis(ZoneOffset.UTC);
  }

  @Bean
  MobileNumbers mobileNumbers() {
    return new MobileNumbers();
  }
}
