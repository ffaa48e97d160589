package io.fieldops.booking.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldops.booking.*}.
 *
 * @param authService how auth-service is reached
 * @param idempotencyTtl how long an {@code Idempotency-Key} and its first answer are kept
 */
@Validated
@ConfigurationProperties("fieldops.booking")
public record BookingProperties(
    @Valid @DefaultValue AuthService authService,
    @NotNull @DefaultValue("24h") Duration idempotencyTtl) {

  /**
   * @param baseUrl {@code lb://auth-service} resolves through Eureka; an {@code http(s)://} URL is
   *     called as it is
   * @param tokenUri the token endpoint; empty: {@code <issuer-uri>/oauth2/token} (the JWT issuer is
   *     auth-service)
   * @param clientId this service's client at auth-service
   * @param clientSecret its secret (the dev default matches auth-service's)
   * @param timeout the most one call (retries included) may take before the caller gets a 503
   * @param maxAttempts tries per idempotent call (resolve, find-or-create), first one included
   * @param failureRateThreshold percentage of failed calls (of the last ten) that opens the breaker
   * @param openFor how long an open breaker answers at once without calling
   * @param organizationCacheTtl how long a resolved organisation is remembered
   */
  public record AuthService(
      @NotNull @DefaultValue("lb://auth-service") URI baseUrl,
      URI tokenUri,
      @NotBlank @DefaultValue("booking-service") String clientId,
      @NotBlank @DefaultValue("booking-service-dev-secret") String clientSecret,
      @NotNull @DefaultValue("3s") Duration timeout,
      @DefaultValue("2") int maxAttempts,
      @DefaultValue("50") float failureRateThreshold,
      @NotNull @DefaultValue("10s") Duration openFor,
      @NotNull @DefaultValue("1m") Duration organizationCacheTtl) {

    public AuthService {
      String scheme = baseUrl == null ? null : baseUrl.getScheme();
      if (scheme == null || !(scheme.equals("lb") || scheme.startsWith("http"))) {
        throw new IllegalArgumentException(
            "fieldops.booking.auth-service.base-url must be lb://<service> or http(s)://host:port,"
                + " was "
                + baseUrl);
      }
      if (maxAttempts < 1) {
        throw new IllegalArgumentException(
            "fieldops.booking.auth-service.max-attempts must be 1 or more, was " + maxAttempts);
      }
    }

    public boolean loadBalanced() {
      return "lb".equals(baseUrl.getScheme());
    }
  }
}
