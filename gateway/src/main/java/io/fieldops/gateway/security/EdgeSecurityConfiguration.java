package io.fieldops.gateway.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * JWT validation at the edge: a request without a valid bearer token is rejected before it is
 * routed, so services never spend work on it. The token is relayed unchanged (the gateway adds and
 * removes nothing) and every service validates it again: the gateway is a first filter, not the
 * only one.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurityConfiguration {

  /**
   * The management port, when the deployment gives the actuator one of its own ({@code
   * management.server.port}, as the k8s manifests do): it is reached by the probes and the metrics
   * scraper only (no route, no Ingress, a NetworkPolicy), so it serves its endpoints without a
   * token. Without one, the actuator shares the public port and only health and info are served.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain managementPortSecurity(
      ServerHttpSecurity http, @Value("${management.server.port:-1}") int managementPort) {
    return http.securityMatcher(onPort(managementPort))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .authorizeExchange(exchanges -> exchanges.pathMatchers("/actuator/**").permitAll())
        .build();
  }

  /** Requests that arrived on {@code port}; none when it is not a port (not configured, 0). */
  static ServerWebExchangeMatcher onPort(int port) {
    return exchange ->
        port > 0
                && exchange.getRequest().getLocalAddress() != null
                && exchange.getRequest().getLocalAddress().getPort() == port
            ? ServerWebExchangeMatcher.MatchResult.match()
            : ServerWebExchangeMatcher.MatchResult.notMatch();
  }

  @Bean
  SecurityWebFilterChain edgeSecurity(
      ServerHttpSecurity http,
      ProblemAuthenticationEntryPoint entryPoint,
      ProblemAccessDeniedHandler accessDeniedHandler) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .cors(Customizer.withDefaults())
        .authorizeExchange(
            exchanges ->
                PublicEndpoints.permit(exchanges)
                    // Only health and info are exposed (application.yml). Should more be exposed
                    // by configuration, this port still serves them to nobody, token or not.
                    .pathMatchers("/actuator/**")
                    .denyAll()
                    .anyExchange()
                    .authenticated())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer.jwt(Customizer.withDefaults()).authenticationEntryPoint(entryPoint))
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDeniedHandler))
        .build();
  }
}
