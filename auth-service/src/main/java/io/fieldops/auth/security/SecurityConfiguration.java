package io.fieldops.auth.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.fieldops.auth.config.AuthProperties;
import io.fieldops.auth.key.SigningKeys;
import io.fieldops.platform.security.PlatformApiSecurity;
import io.fieldops.platform.security.ProblemAccessDeniedHandler;
import io.fieldops.platform.security.ProblemAuthenticationEntryPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: Spring Security's authorization server (token endpoint for client credentials,
 * JWKS, discovery documents) and the service's own API, which is a resource server like every other
 * fieldops service except that its tokens are checked against its own keys.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  public static final String JWKS_PATH = "/.well-known/jwks.json";
  public static final String BOOKING_SERVICE_CLIENT = "booking-service";
  public static final String PROVISION_SCOPE = "users:provision";
  public static final String ORGANIZATIONS_READ_SCOPE = "organizations:read";

  /** Every scope a client may be given. */
  static final List<String> SCOPES = List.of(PROVISION_SCOPE, ORGANIZATIONS_READ_SCOPE);

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerFilterChain(
      HttpSecurity http,
      ProblemAuthenticationEntryPoint entryPoint,
      ProblemAccessDeniedHandler accessDeniedHandler)
      throws Exception {
    OAuth2AuthorizationServerConfigurer authorizationServer =
        new OAuth2AuthorizationServerConfigurer();
    RequestMatcher endpoints = authorizationServer.getEndpointsMatcher();
    http.securityMatcher(endpoints)
        .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .csrf(AbstractHttpConfigurer::disable) // clients authenticate with secrets, no cookies
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .oauth2ResourceServer(
            oauth2 -> oauth2.jwt(Customizer.withDefaults()).authenticationEntryPoint(entryPoint))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDeniedHandler));
    return http.build();
  }

  /** The platform's resource-server chain, with this service's public endpoints. */
  @Bean
  @Order(2)
  SecurityFilterChain apiFilterChain(HttpSecurity http, PlatformApiSecurity apiSecurity)
      throws Exception {
    return apiSecurity.build(http);
  }

  /**
   * This service's own tokens, checked like any downstream service checks them (RS256 signature,
   * issuer, audience, expiry) but against the keys in its database: no HTTP call to itself.
   */
  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, AuthProperties properties) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(properties.issuer()),
            new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience()))));
    return decoder;
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
    return AuthorizationServerSettings.builder()
        .issuer(properties.issuer())
        .jwkSetEndpoint(JWKS_PATH)
        .build();
  }

  /**
   * Only services have client credentials, each registered by {@code fieldops.auth.clients} with
   * the hash of its secret and the scopes it needs: booking-service finds or creates users for the
   * public agent booking (seed 001) and may do nothing else with its token.
   */
  @Bean
  RegisteredClientRepository registeredClientRepository(AuthProperties properties) {
    List<RegisteredClient> clients = new ArrayList<>();
    for (int i = 0; i < properties.clients().size(); i++) {
      AuthProperties.ServiceClient client = properties.clients().get(i);
      RegisteredClient.Builder registered =
          RegisteredClient.withId(UUID.nameUUIDFromBytes(client.id().getBytes()).toString())
              .clientId(client.id())
              .clientSecret(client.secretHash())
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
              .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
              .tokenSettings(
                  TokenSettings.builder()
                      .accessTokenTimeToLive(properties.accessTokenTtl())
                      .build());
      for (String scope : client.scopes()) {
        if (!SCOPES.contains(scope)) {
          throw new IllegalStateException(
              "fieldops.auth.clients["
                  + i
                  + "].scopes: unknown scope '"
                  + scope
                  + "', known: "
                  + SCOPES);
        }
        registered.scope(scope);
      }
      clients.add(registered.build());
    }
    return new InMemoryRegisteredClientRepository(clients);
  }

  @Bean
  OAuth2AuthorizationService authorizationService() {
    return new StatelessAuthorizationService();
  }

  /**
   * Client-credentials tokens name the active key too, so the encoder never has to guess, and carry
   * the suite's audience instead of the authorization server's default (the client id), which every
   * resource server would refuse.
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> clientTokenCustomizer(
      SigningKeys keys, AuthProperties properties) {
    return context -> {
      context.getJwsHeader().keyId(keys.current().active().getKeyID());
      context.getClaims().audience(List.of(properties.audience()));
    };
  }

  /**
   * bcrypt by default; the prefix ({bcrypt}) in each stored hash lets a later move to Argon2id, or
   * to a higher cost, upgrade hashes at login without invalidating anyone's password.
   */
  @Bean
  PasswordEncoder passwordEncoder(AuthProperties properties) {
    return new DelegatingPasswordEncoder(
        "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength())));
  }
}
