package io.fieldops.gateway.security;

import io.fieldops.gateway.problem.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 403 problem+json, e.g. for actuator endpoints beyond health and info called with a token. */
@Component
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

  private final ProblemWriter problems;

  ProblemAccessDeniedHandler(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return problems.write(
        exchange,
        HttpStatus.FORBIDDEN,
        "forbidden",
        "Forbidden",
        "You are not allowed to call " + ProblemWriter.describe(exchange));
  }
}
