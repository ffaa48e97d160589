package io.fieldops.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import io.fieldops.gateway.problem.ProblemWriter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The circuit breakers' fallback ({@code forward:/fallback/<service>} on every route): a service
 * with no registered instance, one that refuses connections, one slower than the time limit, or one
 * whose circuit is open, all answer the same quick 503 naming the service.
 */
@RestController
class ServiceUnavailableController {

  private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableController.class);

  private final ProblemWriter problems;
  private final ResilienceProperties properties;

  ServiceUnavailableController(ProblemWriter problems, ResilienceProperties properties) {
    this.problems = problems;
    this.properties = properties;
  }

  @RequestMapping("/fallback/{service}")
  Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
    Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    String why = reason(cause);
    log.warn("{} unavailable ({}) for {}", service, why, ProblemWriter.describe(exchange));
    String message =
        cause instanceof TimeoutException
            ? service
                + " did not answer within "
                + readable(properties.timeout())
                + ", please retry shortly"
            : service + " is unavailable, please retry shortly";
    return problems.write(
        exchange,
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        "Service unavailable",
        message,
        properties.retryAfter());
  }

  private static String readable(java.time.Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }

  private static String reason(Throwable cause) {
    if (cause == null) {
      return "unknown";
    }
    if (cause instanceof CallNotPermittedException) {
      return "circuit open";
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
