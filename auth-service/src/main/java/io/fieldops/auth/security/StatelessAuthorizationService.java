package io.fieldops.auth.security;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Remembers nothing about issued client-credentials tokens. The only grant served here is client
 * credentials, whose self-contained JWTs need no server-side record (no introspection, no
 * authorization codes). The default in-memory service would keep every issued token forever, a slow
 * leak, and a JDBC one would add a table nobody reads.
 */
class StatelessAuthorizationService implements OAuth2AuthorizationService {

  @Override
  public void save(OAuth2Authorization authorization) {}

  @Override
  public void remove(OAuth2Authorization authorization) {}

  @Override
  public OAuth2Authorization findById(String id) {
    return null;
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    return null;
  }
}
