package io.fieldops.platform.net;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Bearer tokens this process has verified in full (signature, issuer, audience, expiry), so that
 * the next request with the very same token skips the RSA signature check and the parsing: on this
 * machine that was 17-19 % of the gateway's and of a service's CPU for a simple authenticated GET
 * (issue 15's profile).
 *
 * <p>Why it is safe: an entry is found only by the exact token text, signature included, so nothing
 * but a token that passed verification can hit; a hit is refused once the token's own expiry has
 * passed (the full check then runs again and decides); and an entry lives at most {@code maxAge},
 * so a signing key withdrawn from the JWKS stops being honoured within that time, as it would by
 * the JWKS cache anyway. Failed verifications are never kept. Plain Java, so the reactive gateway
 * and the servlet services share it.
 *
 * @param <T> the verified token (Spring Security's {@code Jwt})
 */
public final class VerifiedTokens<T> {

  /** How long a verified token is honoured without a full check, at most. */
  public static final Duration MAX_AGE = Duration.ofSeconds(60);

  /** Tokens kept at most: a few MB even for long tokens. */
  public static final int MAX_TOKENS = 2_000;

  private final Cache<String, T> verified;
  private final Function<T, Instant> expiresAt;
  private final InstantSource clock;

  /**
   * @param maxSize how many tokens are kept at most (least recently used go first)
   * @param maxAge how long a token is honoured without a full check, at most
   * @param expiresAt the token's own expiry ({@code exp}); null means it does not expire
   * @param clock the time, for expiry and age
   */
  public VerifiedTokens(
      int maxSize, Duration maxAge, Function<T, Instant> expiresAt, InstantSource clock) {
    this.expiresAt = expiresAt;
    this.clock = clock;
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(maxSize)
            .expireAfterWrite(maxAge)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .build();
  }

  /** The suite's cache of access tokens: {@link #MAX_TOKENS} for {@link #MAX_AGE} at most. */
  public static <T> VerifiedTokens<T> ofAccessTokens(
      Function<T, Instant> expiresAt, InstantSource clock) {
    return new VerifiedTokens<>(MAX_TOKENS, MAX_AGE, expiresAt, clock);
  }

  /** The token verified earlier from exactly this text, if it was and has not expired since. */
  public Optional<T> find(String text) {
    T found = verified.getIfPresent(text);
    if (found == null) {
      return Optional.empty();
    }
    Instant expiry = expiresAt.apply(found);
    if (expiry != null && !clock.instant().isBefore(expiry)) {
      verified.invalidate(text);
      return Optional.empty();
    }
    return Optional.of(found);
  }

  /** Remembers the token that {@code text} has just been verified as; answers it. */
  public T remember(String text, T token) {
    verified.put(text, token);
    return token;
  }
}
