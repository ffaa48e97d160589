package io.fieldops.gateway.security;

import io.fieldops.platform.net.VerifiedTokens;
import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The gateway's token check, done once per distinct token: a repeat of a token verified in the last
 * minute is answered from the platform's {@link VerifiedTokens} (the RSA check and parsing were 17
 * % of the gateway's CPU on an authenticated GET, issue 15). The same rule as the services' {@code
 * RememberingJwtDecoder}; a token that fails is never remembered.
 */
public final class RememberingReactiveJwtDecoder implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final VerifiedTokens<Jwt> verified;

  public RememberingReactiveJwtDecoder(ReactiveJwtDecoder delegate, Clock clock) {
    this.delegate = delegate;
    this.verified = VerifiedTokens.ofAccessTokens(Jwt::getExpiresAt, clock);
  }

  @Override
  public Mono<Jwt> decode(String token) throws JwtException {
    return verified
        .find(token)
        .map(Mono::just)
        .orElseGet(() -> delegate.decode(token).map(jwt -> verified.remember(token, jwt)));
  }

  /** Wraps Boot's decoder (from the JWKS) once. */
  @Configuration(proxyBeanMethods = false)
  static class Wrapping {

    @Bean
    static BeanPostProcessor rememberVerifiedTokens() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          return bean instanceof ReactiveJwtDecoder decoder
                  && !(bean instanceof RememberingReactiveJwtDecoder)
              ? new RememberingReactiveJwtDecoder(decoder, Clock.systemUTC())
              : bean;
        }
      };
    }
  }
}
