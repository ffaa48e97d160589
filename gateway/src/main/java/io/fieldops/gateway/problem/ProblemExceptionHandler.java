package io.fieldops.gateway.problem;

import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every error that escapes routing into a problem: unknown paths (404), wrong methods,
 * upstream timeouts (504 becomes 503, since to a client both mean "retry later") and anything
 * unexpected (500 without internals). Ordered before Boot's own handler, which answers with a
 * different shape.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  private final ProblemWriter problems;

  public ProblemExceptionHandler(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    if (failure instanceof ResponseStatusException statusFailure) {
      return handleStatus(exchange, statusFailure.getStatusCode(), statusFailure);
    }
    if (failure instanceof TimeoutException) {
      return problems.write(
          exchange,
          HttpStatus.SERVICE_UNAVAILABLE,
          "service-unavailable",
          "Service unavailable",
          "The service did not answer in time, please retry shortly");
    }
    log.error("Unexpected error on {}", ProblemWriter.describe(exchange), failure);
    return internalError(exchange);
  }

  private Mono<Void> handleStatus(
      ServerWebExchange exchange, HttpStatusCode code, ResponseStatusException failure) {
    HttpStatus status = HttpStatus.resolve(code.value());
    if (status == null
        || status.is5xxServerError()
            && status != HttpStatus.SERVICE_UNAVAILABLE
            && status != HttpStatus.GATEWAY_TIMEOUT) {
      log.error("Unexpected error on {}", ProblemWriter.describe(exchange), failure);
      return internalError(exchange);
    }
    return switch (status) {
      case NOT_FOUND ->
          problems.write(
              exchange,
              status,
              "not-found",
              "Not found",
              "No route for " + ProblemWriter.describe(exchange));
      case METHOD_NOT_ALLOWED ->
          problems.write(
              exchange,
              status,
              "method-not-allowed",
              "Method not allowed",
              ProblemWriter.describe(exchange) + " is not supported");
      case SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT ->
          problems.write(
              exchange,
              HttpStatus.SERVICE_UNAVAILABLE,
              "service-unavailable",
              "Service unavailable",
              "The service is unavailable, please retry shortly");
      default ->
          problems.write(
              exchange,
              status,
              status.name().toLowerCase().replace('_', '-'),
              status.getReasonPhrase(),
              failure.getReason() != null ? failure.getReason() : status.getReasonPhrase());
    };
  }

  private Mono<Void> internalError(ServerWebExchange exchange) {
    return problems.write(
        exchange,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "An unexpected error occurred");
  }
}
