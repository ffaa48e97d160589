package io.fieldops.customer.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/** The access token of the request being served, to relay to auth-service (DESIGN.md). */
final class BearerTokens {

  private BearerTokens() {}

  /** {@code Bearer <token>}, read on the request's own thread. */
  static Optional<String> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
      return Optional.of("Bearer " + token.getToken().getTokenValue());
    }
    return Optional.empty();
  }
}
