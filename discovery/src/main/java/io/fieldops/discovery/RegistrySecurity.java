package io.fieldops.discovery;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Nobody reads or changes the registry without its credentials: an anonymous caller could otherwise
 * register a fake AUTH-SERVICE and receive the passwords the gateway routes to it. Eureka clients
 * and the dashboard both use HTTP basic ({@link RegistryCredentials}), as Spring Cloud Netflix
 * documents for securing a Eureka server. Only the actuator's health, info and metrics stay open,
 * for the probes and the scraper.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryCredentials.class)
class RegistrySecurity {

  static final String ROLE = "EUREKA";

  private static final String[] OPEN =
      new String[] {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"
      };

  @Bean
  SecurityFilterChain registryChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            requests -> requests.requestMatchers(OPEN).permitAll().anyRequest().hasRole(ROLE))
        .httpBasic(basic -> basic.realmName("fieldops discovery"))
        // Eureka clients send no CSRF token (they carry the credentials on every call); the
        // dashboard only reads. Stateless: no session to ride on.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/eureka/**"))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable);
    return http.build();
  }

  @Bean
  UserDetailsService registryAccount(RegistryCredentials credentials) {
    return new InMemoryUserDetailsManager(
        User.withUsername(credentials.username())
            // a long random secret from the configuration, checked on every Eureka call (several
            // per second): stored as given, like Spring Boot's spring.security.user.password
            .password("{noop}" + credentials.password())
            .roles(ROLE)
            .build());
  }
}
