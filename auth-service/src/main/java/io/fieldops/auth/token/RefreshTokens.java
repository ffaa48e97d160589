package io.fieldops.auth.token;

import io.fieldops.platform.error.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque refresh tokens: issued with a new family, rotated on every use, revoked by family.
 *
 * <p>A family lives {@code ttl} from its first token (a login, a registration, a set-up) and not a
 * moment longer: every token rotated from it inherits the family's expiry instead of getting a new
 * {@code ttl}. A sliding expiry would let a stolen refresh token, used by the thief often enough,
 * keep a session alive for ever; this way the owner's next login is due after {@code ttl} at the
 * latest, whatever the thief does. The expiry needs no column of its own: the first token's {@code
 * expires_at} is copied down the chain.
 */
public class RefreshTokens {

  private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RefreshTokenRepository repository;
  private final Duration ttl;
  private final Clock clock;

  public RefreshTokens(RefreshTokenRepository repository, Duration ttl, Clock clock) {
    this.repository = repository;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The first token of a new family (a login or a registration). */
  @Transactional
  public String issue(UUID userId, UUID organisationId) {
    Instant now = clock.instant();
    return issueInFamily(UUID.randomUUID(), userId, organisationId, now, now.plus(ttl));
  }

  /**
   * Spends {@code token} and returns the owner of its family. A token that was already spent is a
   * replay: the whole family is revoked (committed even though the caller gets a 401, hence the
   * separate transaction boundary is the caller's {@link #rotate}).
   */
  @Transactional(noRollbackFor = ProblemException.class)
  public Rotation rotate(String token) {
    Instant now = clock.instant();
    RefreshToken current =
        repository.findForUpdate(hash(token)).orElseThrow(RefreshTokens::invalid);
    if (current.isSpent() && current.getRevokedAt() == null) {
      int revoked = repository.revokeFamily(current.getFamilyId(), now);
      log.warn(
          "Refresh token reuse: revoked family {} of user {} ({} tokens)",
          current.getFamilyId(),
          current.getUserId(),
          revoked);
      throw invalid();
    }
    if (!current.isUsable(now)) {
      throw invalid();
    }
    current.markUsed(now);
    String next =
        issueInFamily(
            current.getFamilyId(),
            current.getUserId(),
            current.getOrganisationId(),
            now,
            current.getExpiresAt());
    return new Rotation(current.getUserId(), current.getOrganisationId(), next);
  }

  /** Logout: the family of {@code token} stops working. Unknown tokens are ignored (idempotent). */
  @Transactional(propagation = Propagation.REQUIRED)
  public void revokeFamilyOf(String token) {
    repository
        .findForUpdate(hash(token))
        .ifPresent(t -> repository.revokeFamily(t.getFamilyId(), clock.instant()));
  }

  /**
   * Revokes every refresh-token family of {@code userId} except the one {@code keepToken} belongs
   * to (when it is the user's and still usable); null keeps none. Returns how many tokens stopped.
   */
  @Transactional
  public int revokeOtherFamilies(UUID userId, String keepToken) {
    Instant now = clock.instant();
    UUID keep =
        keepToken == null
            ? null
            : repository
                .findForUpdate(hash(keepToken))
                .filter(t -> t.getUserId().equals(userId) && t.isUsable(now))
                .map(RefreshToken::getFamilyId)
                .orElse(null);
    // a family id never issued stands for "keep none"
    return repository.revokeUserFamiliesExcept(userId, keep == null ? new UUID(0, 0) : keep, now);
  }

  /** Ends every session of {@code userId} in {@code organisationId} (membership deactivated). */
  @Transactional
  public int revokeAllIn(UUID userId, UUID organisationId) {
    return repository.revokeUserFamiliesIn(userId, organisationId, clock.instant());
  }

  /** The result of a rotation: whose token it was and the next one of the family. */
  public record Rotation(UUID userId, UUID organisationId, String refreshToken) {
    @Override
    public String toString() {
      return "Rotation[" + userId + ", " + organisationId + ", redacted]";
    }
  }

  /** {@code expiresAt}: the family's, fixed when its first token was issued. */
  private String issueInFamily(
      UUID familyId, UUID userId, UUID organisationId, Instant issuedAt, Instant expiresAt) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    repository.save(
        new RefreshToken(familyId, hash(token), userId, organisationId, issuedAt, expiresAt));
    return token;
  }

  /**
   * SHA-256 without salt is enough here: the token has 256 random bits, so there is nothing to
   * brute-force, and an unsalted hash keeps the lookup an index hit.
   */
  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static ProblemException invalid() {
    return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-token", "auth.refresh.invalid");
  }
}
