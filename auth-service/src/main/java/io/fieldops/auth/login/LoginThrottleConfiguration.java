package io.fieldops.auth.login;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

  @Bean
  LoginThrottle loginThrottle(LoginThrottleProperties properties, Clock clock) {
    return new LoginThrottle(properties, clock);
  }
}
