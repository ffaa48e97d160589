package io.fieldops.platform.calls;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How one peer service is called: {@code fieldops.peers.<name>.*}, where {@code <name>} is the HTTP
 * service group (and Eureka service id) of the peer. Every value has a default, so a service names
 * a peer's group and sets nothing else; where the peer is comes from Spring's {@code
 * spring.http.serviceclient.<name>.base-url}, by default {@code lb://<name>} through Eureka.
 *
 * @param timeout the most one call may take, retries included, before the caller gets a 503; also
 *     the HTTP connect and read timeout
 * @param maxAttempts tries of an idempotent call, the first one included
 * @param failureRateThreshold percentage of failed calls (of the last ten) that opens the breaker
 * @param openFor how long an open breaker answers at once without calling
 * @param credentials when set, calls carry this service's own client-credentials token (no user is
 *     present); when absent, they relay the bearer token of the request being served
 */
public record PeerSettings(
    @DefaultValue("3s") Duration timeout,
    @DefaultValue("2") int maxAttempts,
    @DefaultValue("50") float failureRateThreshold,
    @DefaultValue("10s") Duration openFor,
    Credentials credentials) {

  /** A peer nobody configured. */
  public static final PeerSettings DEFAULTS =
      new PeerSettings(Duration.ofSeconds(3), 2, 50, Duration.ofSeconds(10), null);

  /**
   * This service's OAuth2 client at auth-service.
   *
   * @param clientId the client id
   * @param clientSecret its secret
   * @param scopes the scopes asked for: no more than the calls need
   * @param tokenUri the token endpoint; absent: the JWT issuer's {@code /oauth2/token} (the issuer
   *     is auth-service)
   */
  public record Credentials(
      String clientId, String clientSecret, List<String> scopes, URI tokenUri) {}

  /** Fails start-up with a message naming the property when a value cannot work. */
  PeerSettings validated(String peer) {
    String prefix = "fieldops.peers." + peer + ".";
    require(timeout != null && timeout.isPositive(), prefix + "timeout must be positive");
    require(maxAttempts >= 1, prefix + "max-attempts must be 1 or more, was " + maxAttempts);
    require(
        failureRateThreshold > 0 && failureRateThreshold <= 100,
        prefix + "failure-rate-threshold must be in (0, 100], was " + failureRateThreshold);
    require(openFor != null && openFor.isPositive(), prefix + "open-for must be positive");
    if (credentials != null) {
      require(hasText(credentials.clientId()), prefix + "credentials.client-id is required");
      require(
          hasText(credentials.clientSecret()), prefix + "credentials.client-secret is required");
    }
    return this;
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
