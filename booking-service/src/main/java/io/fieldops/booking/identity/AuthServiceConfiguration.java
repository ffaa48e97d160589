package io.fieldops.booking.identity;

import io.fieldops.booking.config.BookingProperties;
import io.fieldops.platform.calls.PeerBreakers;
import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The auth-service client: an HTTP interface over a RestClient that resolves {@code
 * lb://auth-service} through Eureka, carries a client-credentials token obtained and renewed by
 * Spring Security's OAuth2 client (scopes {@value #SCOPES}), with HTTP timeouts, behind a
 * Resilience4j time limiter and circuit breaker named {@value AuthService#BREAKER}.
 */
@Configuration(proxyBeanMethods = false)
class AuthServiceConfiguration {

  static final String REGISTRATION = "auth-service";
  static final String SCOPES = "users:provision organizations:read";

  @Bean
  AuthServiceApi authServiceApi(
      RestClient.Builder builder,
      BookingProperties properties,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri,
      ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer) {
    BookingProperties.AuthService auth = properties.authService();
    JdkClientHttpRequestFactory requestFactory = requestFactory(auth);
    ClientRegistration registration = registration(auth, tokenUri(auth, issuerUri));
    var registrations = new InMemoryClientRegistrationRepository(registration);
    OAuth2AuthorizedClientService tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
    OAuth2ClientHttpRequestInterceptor bearer =
        new OAuth2ClientHttpRequestInterceptor(authorizedClients(auth, registrations, tokens));
    // A 401/403 from auth-service (restarted with new keys, token revoked) forgets the token, so
    // the retry fetches a fresh one instead of failing until the old one expires.
    bearer.setAuthorizationFailureHandler(
        OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
    bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
    // No user behind these calls: the service itself is the principal the token is kept for.
    bearer.setPrincipalResolver(
        request -> UsernamePasswordAuthenticationToken.unauthenticated(auth.clientId(), null));
    RestClient.Builder client =
        builder.clone().requestFactory(requestFactory).requestInterceptor(bearer);
    String baseUrl = auth.baseUrl().toString();
    if (auth.loadBalanced()) {
      // lb://auth-service -> http://auth-service, whose host the interceptor picks from Eureka
      String configured = baseUrl;
      client.requestInterceptor(
          loadBalancer.getIfAvailable(
              () -> {
                throw new IllegalStateException(
                    "fieldops.booking.auth-service.base-url is "
                        + configured
                        + " but no load balancer is configured (is discovery disabled?)");
              }));
      baseUrl = "http://" + auth.baseUrl().getHost();
    }
    return HttpServiceProxyFactory.builderFor(
            RestClientAdapter.create(client.baseUrl(baseUrl).build()))
        .build()
        .createClient(AuthServiceApi.class);
  }

  /** Configured, else the JWT issuer's token endpoint (the issuer is auth-service). */
  static URI tokenUri(BookingProperties.AuthService auth, String issuerUri) {
    if (auth.tokenUri() != null) {
      return auth.tokenUri();
    }
    if (issuerUri == null || issuerUri.isBlank()) {
      throw new IllegalStateException(
          "Set fieldops.booking.auth-service.token-uri or"
              + " spring.security.oauth2.resourceserver.jwt.issuer-uri (auth-service's address)");
    }
    String issuer =
        issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
    return URI.create(issuer + "/oauth2/token");
  }

  private static ClientRegistration registration(BookingProperties.AuthService auth, URI tokenUri) {
    return ClientRegistration.withRegistrationId(REGISTRATION)
        .clientId(auth.clientId())
        .clientSecret(auth.clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scope(SCOPES.split(" "))
        .tokenUri(tokenUri.toString())
        .build();
  }

  private static OAuth2AuthorizedClientManager authorizedClients(
      BookingProperties.AuthService auth,
      InMemoryClientRegistrationRepository registrations,
      OAuth2AuthorizedClientService service) {
    var tokens = new RestClientClientCredentialsTokenResponseClient();
    tokens.setRestClient(
        RestClient.builder()
            .requestFactory(requestFactory(auth))
            .messageConverters(
                converters -> {
                  converters.clear();
                  converters.add(new FormHttpMessageConverter());
                  converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
            .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
            .build());
    var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, service);
    manager.setAuthorizedClientProvider(
        OAuth2AuthorizedClientProviderBuilder.builder()
            .clientCredentials(credentials -> credentials.accessTokenResponseClient(tokens))
            .build());
    return manager;
  }

  private static JdkClientHttpRequestFactory requestFactory(BookingProperties.AuthService auth) {
    var httpClient = HttpClient.newBuilder().connectTimeout(auth.timeout()).build();
    var requestFactory = new JdkClientHttpRequestFactory(httpClient);
    requestFactory.setReadTimeout(auth.timeout());
    return requestFactory;
  }

  @Bean
  Customizer<Resilience4JCircuitBreakerFactory> authServiceBreaker(BookingProperties properties) {
    BookingProperties.AuthService auth = properties.authService();
    return PeerBreakers.breaker(
        AuthService.BREAKER, auth.timeout(), auth.failureRateThreshold(), auth.openFor());
  }
}
