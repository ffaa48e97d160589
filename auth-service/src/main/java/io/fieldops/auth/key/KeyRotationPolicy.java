package io.fieldops.auth.key;

import java.time.Duration;
import java.time.Instant;

/**
 * When the active key is replaced, and how long a retired key stays in the JWKS: until the last
 * token it signed has expired, plus a margin for clock skew between services and for replicas that
 * still hold the old key in their cache, so a rotation never logs anyone out.
 *
 * @param accessTokenTtl lifetime of the tokens a key signs
 * @param maxKeyAge the active key is replaced once it is this old
 */
public record KeyRotationPolicy(Duration accessTokenTtl, Duration maxKeyAge) {

  /** Spring Security's default leeway when it checks {@code exp}. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /**
   * Another replica may go on signing with a key it read before the rotation until its cache
   * expires ({@link SigningKeys}), so those tokens live this much longer than the retirement.
   */
  static final Duration REPLICA_CACHE = SigningKeys.CACHE_TTL;

  /** Keys retired after this instant are still published. */
  public Instant publishRetiredAfter(Instant now) {
    return now.minus(publishedAfterRetirement());
  }

  /** When a key retired at {@code retiredAt} leaves the JWKS. */
  public Instant publishedUntil(Instant retiredAt) {
    return retiredAt.plus(publishedAfterRetirement());
  }

  private Duration publishedAfterRetirement() {
    return accessTokenTtl.plus(CLOCK_SKEW).plus(REPLICA_CACHE);
  }

  /** Whether a key created at {@code createdAt} should be replaced now. */
  public boolean isDue(Instant createdAt, Instant now) {
    return !createdAt.plus(maxKeyAge).isAfter(now);
  }
}
