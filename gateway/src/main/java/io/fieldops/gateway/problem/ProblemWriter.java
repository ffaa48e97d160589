package io.fieldops.gateway.problem;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link GatewayProblem} as {@code application/problem+json}; every gateway error goes
 * here.
 */
@Component
public class ProblemWriter {

  private final JsonMapper jsonMapper;

  public ProblemWriter(JsonMapper jsonMapper) {
    this.jsonMapper = jsonMapper;
  }

  public Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String code, String error, String message) {
    return write(exchange, status, code, error, message, null);
  }

  /**
   * @param retryAfter sent as {@code Retry-After} in whole seconds (at least 1) when not null
   */
  public Mono<Void> write(
      ServerWebExchange exchange,
      HttpStatus status,
      String code,
      String error,
      String message,
      Duration retryAfter) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      // Headers already went out (e.g. a backend failed mid-stream): nothing honest can be added.
      return Mono.empty();
    }
    byte[] body = body(status, code, error, message, originalPath(exchange));
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (retryAfter != null) {
      long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
      response.getHeaders().set("Retry-After", Long.toString(seconds));
    }
    response.getHeaders().setContentLength(body.length);
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }

  /**
   * The problem's JSON, also for answers written below the exchange (see {@code
   * MalformedRequests}).
   *
   * @param instance the path the client called; null leaves the member out
   */
  public byte[] body(
      HttpStatus status, String code, String error, String message, String instance) {
    return jsonMapper.writeValueAsBytes(GatewayProblem.of(status, code, error, message, instance));
  }

  /**
   * The path the client called: a fallback or a rewrite changes the exchange's own path, the
   * gateway keeps the original URLs in an attribute.
   */
  public static String originalPath(ServerWebExchange exchange) {
    Set<URI> originals = exchange.getAttribute(GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
    if (originals != null && !originals.isEmpty()) {
      return originals.iterator().next().getRawPath();
    }
    return exchange.getRequest().getPath().value();
  }

  /** "No route for GET /x": the text of a 404 and of a 405 on a path nothing answers. */
  public static String describe(ServerWebExchange exchange) {
    return exchange.getRequest().getMethod().name() + " " + originalPath(exchange);
  }
}
