package io.fieldops.gateway.security;

import io.fieldops.gateway.problem.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers 401 problem+json when a protected path is called without a valid token, and 404 when
 * nothing (no route, no gateway endpoint) would answer the path at all: "this does not exist" tells
 * a caller nothing the public API docs do not, and lets tools probe the gateway without first
 * logging in.
 */
@Component
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

  private final ProblemWriter problems;
  private final ObjectProvider<HandlerMapping> handlerMappings;

  ProblemAuthenticationEntryPoint(
      ProblemWriter problems, ObjectProvider<HandlerMapping> handlerMappings) {
    this.problems = problems;
    this.handlerMappings = handlerMappings;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
    return hasHandler(exchange)
        .flatMap(
            known -> {
              if (!known) {
                return problems.write(
                    exchange,
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    "Not found",
                    "No route for " + ProblemWriter.describe(exchange));
              }
              boolean badToken = failure instanceof InvalidBearerTokenException;
              exchange
                  .getResponse()
                  .getHeaders()
                  .set(
                      HttpHeaders.WWW_AUTHENTICATE,
                      badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
              return problems.write(
                  exchange,
                  HttpStatus.UNAUTHORIZED,
                  "unauthorized",
                  badToken ? "Invalid token" : "Authentication required",
                  badToken
                      ? "The bearer token is invalid or expired; log in again"
                      : "This endpoint needs a bearer token (Authorization: Bearer <access token>)");
            });
  }

  private Mono<Boolean> hasHandler(ServerWebExchange exchange) {
    return Flux.fromStream(handlerMappings.orderedStream())
        .concatMap(mapping -> mapping.getHandler(exchange))
        .hasElements();
  }
}
