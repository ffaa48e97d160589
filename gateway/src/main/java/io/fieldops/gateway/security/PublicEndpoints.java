package io.fieldops.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * What the edge lets through without a token. Kept as code, next to the rule that denies everything
 * else, so that one review shows the whole public surface. Seed paths are listed with and without
 * their trailing slash because path patterns match exactly.
 */
final class PublicEndpoints {

  /** Anonymous calls to auth-service and the public agent booking (rate-limited too). */
  static final String[] PUBLIC_POSTS = {
    "/api/auth/register", "/api/auth/register/",
    // seed 004's signup: the same registration at that document's path
    "/api/users", "/api/users/",
    "/api/auth/login", "/api/auth/login/",
    "/api/auth/token/refresh", "/api/auth/token/refresh/",
    // Logout's credential is the refresh token it revokes: an expired access token must not
    // keep a user from signing out.
    "/api/auth/logout", "/api/auth/logout/",
    "/api/agent/booking/create", "/api/agent/booking/create/"
  };

  /** Seed 002's customer-service health check, for monitors without a token. */
  static final String[] PUBLIC_GETS = {"/api/v1/customers/health", "/api/v1/customers/health/"};

  static final String[] PUBLIC_PATHS = {
    // A password set-up link is opened by a user who has no token yet.
    "/api/auth/password/setup/**",
    // The JWKS and issuer metadata are public by definition.
    "/.well-known/**",
    // The dashboard is a static page that logs in itself; the WebSocket's STOMP CONNECT frame
    // carries the JWT, and notification-service validates it there.
    "/dashboard/**",
    "/ws/**",
    // API documentation: the UI and every service's OpenAPI document.
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/webjars/**",
    "/v3/api-docs/**",
    // Which services are registered (names and instance counts only).
    "/gateway/services",
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/info"
  };

  private PublicEndpoints() {}

  static AuthorizeExchangeSpec permit(AuthorizeExchangeSpec exchanges) {
    return exchanges
        .pathMatchers(HttpMethod.OPTIONS, "/**")
        .permitAll()
        .pathMatchers(HttpMethod.POST, PUBLIC_POSTS)
        .permitAll()
        .pathMatchers(HttpMethod.GET, PUBLIC_GETS)
        .permitAll()
        .pathMatchers(PUBLIC_PATHS)
        .permitAll();
  }
}
