package io.fieldops.auth.key;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The operator's handle on the signing keys: {@code GET /actuator/signingkeys} lists the published
 * keys (ids and dates, never key material), {@code POST} rotates now, for a suspected leak, instead
 * of waiting for {@code signing-key-max-age}. Tokens signed before keep verifying: the old key
 * stays published ({@link KeyRotationPolicy}).
 *
 * <p>Exposed on the management port only ({@code fieldops.management.operator-endpoints} in
 * application.yml; platform-starter's ManagementExposure), which carries no token: that port is
 * reached by the deployment's operators and scraper alone, whereas every token here belongs to an
 * organisation, and a rotation changes every organisation's tokens.
 */
@Component
@Endpoint(id = SigningKeysEndpoint.ID)
public class SigningKeysEndpoint {

  public static final String ID = "signingkeys";

  private static final Logger log = LoggerFactory.getLogger(SigningKeysEndpoint.class);

  private final SigningKeys keys;

  SigningKeysEndpoint(SigningKeys keys) {
    this.keys = keys;
  }

  @ReadOperation
  public Listing keys() {
    return Listing.of(keys.publishedKeys());
  }

  @WriteOperation
  public Listing rotate() {
    log.info("Signing key rotation asked for on the management port");
    try {
      keys.rotate();
    } catch (DataIntegrityViolationException anotherReplicaRotated) {
      // uk_signing_key_active: another replica's rotation won the race; its key is the new one
      log.info("Another instance rotated the signing key at the same moment");
      keys.refresh();
    }
    return keys();
  }

  /**
   * What both operations answer. The actuator writes with a JSON mapper of its own, which knows
   * nothing of the suite's snake_case: the names are spelt out.
   */
  public record Listing(@JsonProperty("active_kid") String activeKid, List<Key> keys) {

    static Listing of(List<SigningKeys.PublishedKey> published) {
      List<Key> keys =
          published.stream()
              .map(k -> new Key(k.kid(), k.createdAt(), k.retiredAt(), k.publishedUntil()))
              .toList();
      String active =
          published.stream()
              .filter(k -> k.retiredAt() == null)
              .map(SigningKeys.PublishedKey::kid)
              .findFirst()
              .orElse(null);
      return new Listing(active, keys);
    }
  }

  /** One published key; the retired ones also say when they leave the JWKS. */
  public record Key(
      String kid,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("retired_at") Instant retiredAt,
      @JsonProperty("published_until") Instant publishedUntil) {}
}
