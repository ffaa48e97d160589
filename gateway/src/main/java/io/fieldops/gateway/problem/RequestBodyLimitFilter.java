package io.fieldops.gateway.problem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A request whose declared body is larger than any service accepts ({@code
 * fieldops.gateway.max-request-body}, the services' {@code fieldops.web.max-request-body}) is a 413
 * here, before it is routed. Left to the service, the service answered 413 and closed the
 * connection while the gateway was still sending the body, and the gateway reported the service
 * unavailable (503), which also counted against the service's circuit breaker.
 */
@Component
class RequestBodyLimitFilter implements WebFilter, Ordered {

  private final long maxBytes;
  private final ProblemWriter problems;

  RequestBodyLimitFilter(
      @Value("${fieldops.gateway.max-request-body:1MB}") DataSize maxRequestBody,
      ProblemWriter problems) {
    this.maxBytes = maxRequestBody.toBytes();
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return -300; // ahead of the rate limits and of security: no work for a body we will not take
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
      return problems.write(
          exchange,
          HttpStatus.CONTENT_TOO_LARGE,
          "payload-too-large",
          "The request is too large",
          "The request body is larger than " + DataSize.ofBytes(maxBytes).toKilobytes() + " KB");
    }
    return chain.filter(exchange);
  }
}
