package io.fieldops.platform.calls;

import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * Forwards the bearer token of the request being served, so the peer decides what that user may see
 * and do (a call that acts for a user carries the user's own token, never a more powerful one).
 * Without a token (an anonymous request, a Kafka listener) the call goes without one.
 */
final class BearerTokenRelay implements ClientHttpRequestInterceptor {

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    if (!request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
        request.getHeaders().setBearerAuth(token.getToken().getTokenValue());
      }
    }
    return execution.execute(request, body);
  }
}
