package io.fieldops.auth.key;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a retired key stays in the JWKS: until the last token it signed has expired (plus a
 * margin for clock skew between services), so a rotation never logs anyone out.
 */
public record KeyRotationPolicy(Duration accessTokenTtl) {

  /** Spring Security's default leeway when it checks {@code exp}. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /** Keys retired after this instant are still published. */
  public Instant publishRetiredAfter(Instant now) {
    return now.minus(accessTokenTtl).minus(CLOCK_SKEW);
  }
}
