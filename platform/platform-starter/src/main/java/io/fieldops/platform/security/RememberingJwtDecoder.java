package io.fieldops.platform.security;

import io.fieldops.platform.net.VerifiedTokens;
import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A service's {@link JwtDecoder} that checks each distinct token once and answers repeats of it
 * from {@link VerifiedTokens}: a client sends the same access token for its whole lifetime, and the
 * RSA check was a fifth of a simple GET's CPU (issue 15). Every {@code JwtDecoder} bean of a
 * service is wrapped (Boot's from the JWKS, auth-service's own over its database keys), so the
 * filter chain and the STOMP CONNECT check share the remembered tokens.
 */
public final class RememberingJwtDecoder implements JwtDecoder {

  private final JwtDecoder delegate;
  private final VerifiedTokens<Jwt> verified;

  public RememberingJwtDecoder(JwtDecoder delegate, Clock clock) {
    this.delegate = delegate;
    this.verified = VerifiedTokens.ofAccessTokens(Jwt::getExpiresAt, clock);
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    return verified.find(token).orElseGet(() -> verified.remember(token, delegate.decode(token)));
  }

  /** Wraps every {@link JwtDecoder} bean once. */
  static BeanPostProcessor wrapper() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JwtDecoder decoder && !(bean instanceof RememberingJwtDecoder)
            ? new RememberingJwtDecoder(decoder, Clock.systemUTC())
            : bean;
      }
    };
  }
}
