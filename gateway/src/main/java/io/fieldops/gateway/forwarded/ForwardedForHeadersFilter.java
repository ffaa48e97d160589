package io.fieldops.gateway.forwarded;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells every routed service (HTTP and WebSocket routes alike) who the client is: {@code
 * X-Forwarded-For} is the chain received from a trusted proxy with the TCP peer's address appended,
 * or just the peer's address when the peer is not a trusted proxy (a client's own header is
 * dropped). A service that trusts the gateway takes the rightmost address that is not one of its
 * trusted proxies as the client, which the client cannot choose.
 *
 * <p>Runs last among the gateway's header filters, after the RemoveXForwardedHeadersFilter that
 * strips every {@code X-Forwarded-*} header clients sent, and reads the chain from the original
 * request.
 */
@Component
class ForwardedForHeadersFilter implements HttpHeadersFilter, Ordered {

  private final ClientAddresses clientAddresses;

  ForwardedForHeadersFilter(ClientAddresses clientAddresses) {
    this.clientAddresses = clientAddresses;
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    HttpHeaders updated = HttpHeaders.copyOf(input);
    updated.remove(ClientAddresses.X_FORWARDED_FOR);
    String forwardedFor = clientAddresses.forwardedForToSend(exchange);
    if (forwardedFor != null) {
      updated.set(ClientAddresses.X_FORWARDED_FOR, forwardedFor);
    }
    return updated;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
