package io.fieldops.gateway.security;

import io.fieldops.gateway.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 400 problem+json for what Spring Security's firewall ({@code StrictServerWebExchangeFirewall})
 * refuses: a path that is not normalized ({@code ..}, {@code //}), an encoded slash, backslash,
 * period or percent, a NUL or line break, or a header name or value with control characters. The
 * firewall's default handler answers with an empty 400. Picked up by {@code @EnableWebFluxSecurity}
 * as the bean of this type.
 */
@Component
class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExchangeRejectedHandler.class);

  private final ProblemWriter problems;

  ProblemExchangeRejectedHandler(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
    // The firewall's reason stays in the log: the answer names the rule, not the internals.
    log.debug("Rejected {}: {}", ProblemWriter.describe(exchange), rejected.getMessage());
    return problems.write(
        exchange,
        HttpStatus.BAD_REQUEST,
        "bad-request",
        "Bad request",
        "The path or a header contains a sequence the gateway does not accept: '..', '//', an"
            + " encoded '/', '\\', '.' or '%', a NUL or a line break");
  }
}
