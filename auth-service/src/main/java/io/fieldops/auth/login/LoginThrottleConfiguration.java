package io.fieldops.auth.login;

import io.fieldops.platform.net.TrustedProxies;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottleConfiguration.class);

  @Bean
  LoginThrottle loginThrottle(LoginThrottleProperties properties, Clock clock) {
    return new LoginThrottle(properties, clock);
  }

  @Bean
  TrustedProxies loginTrustedProxies(LoginThrottleProperties properties) {
    TrustedProxies trusted = properties.toTrustedProxies();
    log.info("Login throttle: X-Forwarded-For is believed from {} only", trusted);
    return trusted;
  }
}
