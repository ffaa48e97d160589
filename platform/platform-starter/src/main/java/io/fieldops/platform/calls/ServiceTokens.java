package io.fieldops.platform.calls;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * This service's own client-credentials token for calls made with no user present, obtained, cached
 * and renewed by Spring Security's OAuth2 client, never hand-made.
 */
final class ServiceTokens {

  private ServiceTokens() {}

  /**
   * An interceptor that adds the token for {@code peer}'s calls. A 401/403 from the peer (it
   * restarted with new keys, the token was revoked) forgets the token, so a retry fetches a fresh
   * one instead of failing until the old one expires.
   */
  static OAuth2ClientHttpRequestInterceptor interceptor(
      String peer, PeerSettings.Credentials credentials, URI tokenUri, Duration timeout) {
    ClientRegistration registration =
        ClientRegistration.withRegistrationId(peer)
            .clientId(credentials.clientId())
            .clientSecret(credentials.clientSecret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope(credentials.scopes() == null ? List.of() : credentials.scopes())
            .tokenUri(tokenUri.toString())
            .build();
    var registrations = new InMemoryClientRegistrationRepository(registration);
    var tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
    var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, tokens);
    manager.setAuthorizedClientProvider(
        OAuth2AuthorizedClientProviderBuilder.builder()
            .clientCredentials(client -> client.accessTokenResponseClient(tokenClient(timeout)))
            .build());

    var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
    interceptor.setAuthorizationFailureHandler(
        OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
    interceptor.setClientRegistrationIdResolver(request -> peer);
    // No user behind these calls: the service itself is the principal the token is kept for, so
    // one token serves every request instead of one per caller.
    interceptor.setPrincipalResolver(
        request ->
            UsernamePasswordAuthenticationToken.unauthenticated(credentials.clientId(), null));
    return interceptor;
  }

  private static RestClientClientCredentialsTokenResponseClient tokenClient(Duration timeout) {
    var requestFactory =
        new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(timeout).build());
    requestFactory.setReadTimeout(timeout);
    var client = new RestClientClientCredentialsTokenResponseClient();
    client.setRestClient(
        RestClient.builder()
            .requestFactory(requestFactory)
            .messageConverters(
                converters -> {
                  converters.clear();
                  converters.add(new FormHttpMessageConverter());
                  converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
            .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
            .build());
    return client;
  }
}
