package io.fieldops.platform.security;

import io.fieldops.platform.error.PlatformErrorAutoConfiguration;
import io.fieldops.platform.error.ProblemResponseWriter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is a stateless OAuth2 resource server: RS256 JWTs checked against the JWKS at
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (and the issuer when {@code
 * issuer-uri} is set). The filter chain here is a default: a service that declares its own {@link
 * SecurityFilterChain} replaces it.
 */
@AutoConfiguration(
    after = PlatformErrorAutoConfiguration.class,
    before = {
      ServletWebSecurityAutoConfiguration.class,
      ManagementWebSecurityAutoConfiguration.class,
      OAuth2ResourceServerAutoConfiguration.class,
      UserDetailsServiceAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

  /**
   * Always public: probes, info, API docs and the error page. Metrics are not among them: they are
   * served on the management port only (ManagementExposure), and the rest of {@code /actuator} is
   * refused on this port ({@link PlatformApiSecurity}).
   */
  public static final List<String> PLATFORM_PUBLIC_PATHS =
      List.of(
          "/actuator/health/**",
          "/actuator/info",
          "/v3/api-docs/**",
          "/swagger-ui/**",
          "/swagger-ui.html",
          "/error");

  @Bean
  @ConditionalOnMissingBean
  PlatformApiSecurity platformApiSecurity(
      SecurityProperties properties,
      JwtAuthenticationConverter jwtAuthenticationConverter,
      ProblemAuthenticationEntryPoint entryPoint,
      ProblemAccessDeniedHandler accessDeniedHandler) {
    return new PlatformApiSecurity(
        properties, jwtAuthenticationConverter, entryPoint, accessDeniedHandler);
  }

  @Bean
  @ConditionalOnDefaultWebSecurity
  SecurityFilterChain fieldopsSecurityFilterChain(
      HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder, PlatformApiSecurity apiSecurity)
      throws Exception {
    if (jwtDecoder.getIfAvailable() == null) {
      throw new IllegalStateException(
          "fieldops services validate JWTs: set"
              + " spring.security.oauth2.resourceserver.jwt.jwk-set-uri (for example"
              + " http://localhost:8001/.well-known/jwks.json) and, to check the issuer,"
              + " spring.security.oauth2.resourceserver.jwt.issuer-uri");
    }
    return apiSecurity.build(http);
  }

  /** Each distinct token is verified once, then remembered for a while (issue 15). */
  @Bean
  static BeanPostProcessor rememberVerifiedTokens() {
    return RememberingJwtDecoder.wrapper();
  }

  /** {@code roles: ["ADMIN"]} becomes the authority {@code ROLE_ADMIN} for hasRole() checks. */
  @Bean
  @ConditionalOnMissingBean
  JwtAuthenticationConverter jwtAuthenticationConverter() {
    JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName(CurrentUserClaims.ROLES);
    authorities.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    return converter;
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(ProblemResponseWriter writer) {
    return new ProblemAuthenticationEntryPoint(writer);
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemAccessDeniedHandler problemAccessDeniedHandler(ProblemResponseWriter writer) {
    return new ProblemAccessDeniedHandler(writer);
  }

  @Bean
  WebMvcConfigurer currentUserArgumentResolverConfigurer() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
      }
    };
  }
}
