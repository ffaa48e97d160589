package io.fieldops.auth.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.fieldops.auth.config.AuthProperties;
import io.fieldops.auth.key.DatabaseJwkSource;
import io.fieldops.auth.key.KeyRotationPolicy;
import io.fieldops.auth.key.SigningKeyRepository;
import io.fieldops.auth.key.SigningKeys;
import io.fieldops.auth.token.AccessTokens;
import io.fieldops.auth.token.RefreshTokenRepository;
import io.fieldops.auth.token.RefreshTokens;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Signing keys and the tokens made with them. */
@Configuration(proxyBeanMethods = false)
public class KeyConfiguration {

  @Bean
  SigningKeys signingKeys(
      SigningKeyRepository repository,
      TransactionTemplate transactions,
      AuthProperties properties,
      Clock clock) {
    return new SigningKeys(
        repository,
        transactions,
        new KeyRotationPolicy(properties.accessTokenTtl(), properties.signingKeyMaxAge()),
        clock);
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
    return new DatabaseJwkSource(keys);
  }

  @Bean
  JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
    return new NimbusJwtEncoder(jwkSource);
  }

  @Bean
  AccessTokens accessTokens(
      JwtEncoder encoder, SigningKeys keys, AuthProperties properties, Clock clock) {
    return new AccessTokens(
        encoder,
        keys,
        properties.issuer(),
        properties.audience(),
        properties.accessTokenTtl(),
        clock);
  }

  @Bean
  RefreshTokens refreshTokens(
      RefreshTokenRepository repository, AuthProperties properties, Clock clock) {
    return new RefreshTokens(repository, properties.refreshTokenTtl(), clock);
  }
}
