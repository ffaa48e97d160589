package io.fieldops.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** Errors that escape routing become problems; internals never reach the client. */
class ProblemExceptionHandlerTest {

  private final ProblemExceptionHandler handler =
      new ProblemExceptionHandler(new ProblemWriter(JsonMapper.builder().build()));

  @Test
  void anUnexpectedErrorIsA500WithoutInternals() throws Exception {
    MockServerWebExchange exchange = exchange("/api/v1/bookings/");

    handler.handle(exchange, new IllegalStateException("password=hunter2 at db:5432")).block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(exchange.getResponse().getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JSONAssert.assertEquals(
        """
        {"type": "urn:fieldops:problem:internal-error", "title": "Internal Server Error",
         "status": 500, "detail": "An unexpected error occurred", "instance": "/api/v1/bookings/",
         "success": false, "error": "Internal error", "message": "An unexpected error occurred"}
        """,
        exchange.getResponse().getBodyAsString().block(),
        JSONCompareMode.STRICT);
  }

  @Test
  void aGatewayTimeoutIsReportedAs503() throws Exception {
    for (Throwable timeout :
        new Throwable[] {
          new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT), new TimeoutException("slow")
        }) {
      MockServerWebExchange exchange = exchange("/api/v1/jobcards/");

      handler.handle(exchange, timeout).block();

      assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      JSONAssert.assertEquals(
          """
          {"type": "urn:fieldops:problem:service-unavailable", "title": "Service Unavailable",
           "status": 503, "success": false, "error": "Service unavailable",
           "instance": "/api/v1/jobcards/"}
          """,
          exchange.getResponse().getBodyAsString().block(),
          JSONCompareMode.LENIENT);
    }
  }

  private static MockServerWebExchange exchange(String path) {
    return MockServerWebExchange.from(MockServerHttpRequest.get(path));
  }
}
