package io.fieldops.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API filter chain every fieldops service runs: stateless, bearer JWT, the platform's and the
 * service's public paths open, the actuator beyond health and info closed, problem+json for
 * 401/403. The default chain is built with it; a service that needs a chain of its own in front
 * (auth-service's authorization server) builds its API chain with it too instead of copying the
 * setup.
 */
public class PlatformApiSecurity {

  private static final String[] ACTUATOR_PATHS = {"/actuator", "/actuator/**"};

  private final SecurityProperties properties;
  private final JwtAuthenticationConverter jwtAuthenticationConverter;
  private final ProblemAuthenticationEntryPoint entryPoint;
  private final ProblemAccessDeniedHandler accessDeniedHandler;

  public PlatformApiSecurity(
      SecurityProperties properties,
      JwtAuthenticationConverter jwtAuthenticationConverter,
      ProblemAuthenticationEntryPoint entryPoint,
      ProblemAccessDeniedHandler accessDeniedHandler) {
    this.properties = properties;
    this.jwtAuthenticationConverter = jwtAuthenticationConverter;
    this.entryPoint = entryPoint;
    this.accessDeniedHandler = accessDeniedHandler;
  }

  /**
   * What every fieldops chain has in common: no session, no cookies and so no CSRF token to check
   * (bearer tokens, or no credential at all on the management port), no login page, form or basic
   * challenge, no saved request. A chain of a service's own (auth-service's internal API) starts
   * from it too.
   */
  public static HttpSecurity stateless(HttpSecurity http) throws Exception {
    return http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable);
  }

  public SecurityFilterChain build(HttpSecurity http) throws Exception {
    List<String> publicPaths =
        new ArrayList<>(PlatformSecurityAutoConfiguration.PLATFORM_PUBLIC_PATHS);
    publicPaths.addAll(properties.publicPaths());
    stateless(http)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(publicPaths.toArray(String[]::new))
                    .permitAll()
                    // Beyond health and info the actuator belongs to the management port: should
                    // configuration expose more here, nobody is served it, token or not (an
                    // organisation's ADMIN is not the deployment's operator).
                    .requestMatchers(ACTUATOR_PATHS)
                    .denyAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            oauth2 ->
                oauth2
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
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
