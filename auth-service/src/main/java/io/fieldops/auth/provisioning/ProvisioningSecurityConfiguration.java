package io.fieldops.auth.provisioning;

import io.fieldops.platform.security.PlatformApiSecurity;
import io.fieldops.platform.security.ProblemAccessDeniedHandler;
import io.fieldops.platform.security.ProblemAuthenticationEntryPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The service-to-service API under {@value #INTERNAL_PATHS}: client-credentials tokens only,
 * checked by scope. It has its own filter chain (ahead of the user API's) because user tokens map
 * their {@code roles} claim to authorities while these need Spring Security's default {@code scope}
 * -> {@code SCOPE_*} mapping. The gateway routes only {@code /api/auth/**} and {@code
 * /.well-known/**} here, so nothing under this prefix is reachable from outside the cluster
 * network.
 */
@Configuration(proxyBeanMethods = false)
class ProvisioningSecurityConfiguration {

  static final String INTERNAL_PATHS = "/api/v1/internal/**";
  static final String PROVISION_AUTHORITY = "SCOPE_users:provision";
  static final String ORGANIZATIONS_READ_AUTHORITY = "SCOPE_organizations:read";

  @Bean
  @Order(0)
  SecurityFilterChain internalApiFilterChain(
      HttpSecurity http,
      ProblemAuthenticationEntryPoint entryPoint,
      ProblemAccessDeniedHandler accessDeniedHandler)
      throws Exception {
    // the default converter: "scope"/"scp" claim -> SCOPE_ authorities; user tokens carry none
    JwtAuthenticationConverter scopes = new JwtAuthenticationConverter();
    PlatformApiSecurity.stateless(http.securityMatcher(INTERNAL_PATHS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/api/v1/internal/users/provision")
                    .hasAuthority(PROVISION_AUTHORITY)
                    .requestMatchers("/api/v1/internal/organizations/**")
                    .hasAuthority(ORGANIZATIONS_READ_AUTHORITY)
                    .anyRequest()
                    .denyAll())
        .oauth2ResourceServer(
            oauth2 ->
                oauth2
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(scopes))
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDeniedHandler))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDeniedHandler));
    return http.build();
  }
}
