package io.fieldops.auth.key;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys tokens are signed with, kept in {@code signing_key} so that a restart (or a second
 * replica) signs and verifies with the same keys. Reads are cached: the JWKS is asked for on every
 * token issued and every token checked here, and keys change only on rotation.
 */
public class SigningKeys {

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
  private static final int KEY_SIZE = 2048;
  // Long enough that reads are rare, short enough that a rotation by another replica and the end
  // of a retired key's grace period show up without a restart.
  static final Duration CACHE_TTL = Duration.ofMinutes(5);
  private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(10);

  private final SigningKeyRepository repository;
  private final TransactionTemplate transactions;
  private final KeyRotationPolicy policy;
  private final Clock clock;
  private volatile Snapshot snapshot;

  /** The active key and every key still published, as of one read. */
  public record Snapshot(RSAKey active, List<JWK> published, Instant loadedAt) {}

  /**
   * A published key as an operator sees it: its id and dates, never key material.
   *
   * @param retiredAt null for the active key
   * @param publishedUntil when a retired key leaves the JWKS; null for the active key
   */
  public record PublishedKey(
      String kid, Instant createdAt, Instant retiredAt, Instant publishedUntil) {}

  public SigningKeys(
      SigningKeyRepository repository,
      TransactionTemplate transactions,
      KeyRotationPolicy policy,
      Clock clock) {
    this.repository = repository;
    this.transactions = transactions;
    this.policy = policy;
    this.clock = clock;
  }

  /** The current keys, creating the first one on a fresh database. */
  public Snapshot current() {
    Snapshot current = snapshot;
    if (isStale(current)) {
      synchronized (this) {
        current = snapshot;
        if (isStale(current)) {
          current = load();
          snapshot = current;
        }
      }
    }
    return current;
  }

  /**
   * The keys the JWKS publishes now, newest first, read from the database rather than the cache, so
   * an operator sees a rotation by any replica at once.
   */
  public List<PublishedKey> publishedKeys() {
    ensureActiveKey();
    return repository.findPublishable(policy.publishRetiredAfter(clock.instant())).stream()
        .map(
            key ->
                new PublishedKey(
                    key.getKid(),
                    key.getCreatedAt(),
                    key.getRetiredAt(),
                    key.isActive() ? null : policy.publishedUntil(key.getRetiredAt())))
        .toList();
  }

  /**
   * Adds a new active key and retires the old one, which stays published until its tokens have
   * expired. Tokens signed before the rotation keep working.
   */
  public synchronized Snapshot rotate() {
    transactions.executeWithoutResult(
        status -> {
          repository.findActive().ifPresent(key -> key.retire(clock.instant()));
          repository.flush();
          repository.save(generate());
        });
    snapshot = load();
    log.info("Signing key rotated, new kid {}", snapshot.active().getKeyID());
    return snapshot;
  }

  /**
   * Rotates when the active key has reached the policy's age. Several replicas may ask at once:
   * {@code uk_signing_key_active} lets one rotation through and the others find the new key.
   *
   * @return whether this call rotated
   */
  public boolean rotateIfDue() {
    Instant now = clock.instant();
    boolean due =
        repository.findActive().map(key -> policy.isDue(key.getCreatedAt(), now)).orElse(false);
    if (!due) {
      return false;
    }
    try {
      rotate();
      return true;
    } catch (DataIntegrityViolationException anotherReplicaRotated) {
      log.debug("Another instance rotated the signing key first");
      snapshot = null;
      return false;
    }
  }

  private boolean isStale(Snapshot current) {
    return current == null || current.loadedAt().plus(CACHE_TTL).isBefore(clock.instant());
  }

  /**
   * Reads the keys again unless they were read moments ago: an unknown kid may be a key another
   * replica has just created, but a stream of forged kids must not become a stream of queries.
   */
  public void refresh() {
    Snapshot current = snapshot;
    if (current != null && current.loadedAt().plus(MIN_RELOAD_INTERVAL).isAfter(clock.instant())) {
      return;
    }
    snapshot = null;
  }

  private Snapshot load() {
    ensureActiveKey();
    List<SigningKey> keys = repository.findPublishable(policy.publishRetiredAfter(clock.instant()));
    List<JWK> published = keys.stream().map(SigningKeys::toJwk).map(JWK.class::cast).toList();
    RSAKey active =
        keys.stream()
            .filter(SigningKey::isActive)
            .findFirst()
            .map(SigningKeys::toJwk)
            .orElseThrow(() -> new IllegalStateException("no active signing key"));
    return new Snapshot(active, published, clock.instant());
  }

  private void ensureActiveKey() {
    if (repository.findActive().isPresent()) {
      return;
    }
    try {
      transactions.executeWithoutResult(status -> repository.saveAndFlush(generate()));
      log.info("Created the first signing key");
    } catch (DataIntegrityViolationException anotherReplicaWasFaster) {
      // uk_signing_key_active: another instance created the active key at the same moment; use it.
      log.debug("Another instance created the signing key first");
    }
  }

  private SigningKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(KEY_SIZE);
      KeyPair pair = generator.generateKeyPair();
      Base64.Encoder base64 = Base64.getEncoder();
      return new SigningKey(
          UUID.randomUUID().toString(),
          base64.encodeToString(pair.getPrivate().getEncoded()),
          base64.encodeToString(pair.getPublic().getEncoded()),
          clock.instant());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA key generation is not available", e);
    }
  }

  private static RSAKey toJwk(SigningKey key) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      Base64.Decoder base64 = Base64.getDecoder();
      RSAPublicKey publicKey =
          (RSAPublicKey)
              rsa.generatePublic(new X509EncodedKeySpec(base64.decode(key.getPublicKey())));
      RSAPrivateKey privateKey =
          (RSAPrivateKey)
              rsa.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(key.getPrivateKey())));
      return new RSAKey.Builder(publicKey)
          .privateKey(privateKey)
          .keyID(key.getKid())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing key " + key.getKid() + " cannot be read", e);
    }
  }
}
