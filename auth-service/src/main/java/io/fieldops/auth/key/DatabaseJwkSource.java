package io.fieldops.auth.key;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;

/**
 * The one source of keys for everything here: the JWKS endpoint (public parts only, the endpoint
 * strips the rest), the encoder that signs (it asks for the kid it was given) and the decoder that
 * checks this service's own tokens without an HTTP call to itself.
 */
public class DatabaseJwkSource implements JWKSource<SecurityContext> {

  private final SigningKeys keys;

  public DatabaseJwkSource(SigningKeys keys) {
    this.keys = keys;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    List<JWK> matches = selector.select(new JWKSet(keys.current().published()));
    if (matches.isEmpty() && selector.getMatcher().getKeyIDs() != null) {
      // An unknown kid may come from a key another replica has just created: read once more.
      keys.refresh();
      matches = selector.select(new JWKSet(keys.current().published()));
    }
    return matches;
  }
}
