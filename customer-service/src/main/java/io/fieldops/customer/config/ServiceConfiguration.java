package io.fieldops.customer.config;

import io.fieldops.customer.phone.MobileNumbers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain's plain objects as beans. */
@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

  @Bean
  MobileNumbers mobileNumbers() {
    return new MobileNumbers();
  }
}
