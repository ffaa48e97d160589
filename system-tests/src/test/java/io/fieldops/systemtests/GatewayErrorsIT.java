package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a frontend sees when it calls the wrong thing, or the right thing while it is down. */
class GatewayErrorsIT extends SystemTest {

  private static final String PROBLEM_JSON = "application/problem+json";

  /** Far below a hang, above the gateway's own 10 s time limit. */
  private static final Duration BOUNDED = Duration.ofSeconds(15);

  @Test
  void anUnknownPathIsA404Problem() {
    GatewayResponse answer = gateway().get("/api/v1/no-such-resource");

    assertProblem(answer, 404);
  }

  @Test
  void aProtectedRouteWithoutATokenIsA401Problem() {
    GatewayResponse answer = gateway().get("/api/v1/bookings");

    assertProblem(answer, 401);
  }

  @Test
  void aRouteToAServiceThatIsNotRunningIsA503ProblemAtOnce() {
    // the route needs a token, so the gateway lets the request through to the stopped service
    String access = demoAdminToken();
    stack().stop("ticket-service");
    GatewayResponse answer;
    try {
      answer =
          gateway()
              .post(
                  "/api/v1/tickets/master",
                  """
                  {"company": {"name": "Somchai Co"}, "appointment": {"date": "2030-01-07"}}
                  """,
                  "Authorization",
                  "Bearer " + access);
    } finally {
      stack().restart("ticket-service");
    }

    assertProblem(answer, 503);
    assertThat(answer.took()).isLessThan(BOUNDED);
  }

  private static void assertProblem(GatewayResponse answer, int status) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.mediaType()).as(answer.toString()).contains(PROBLEM_JSON);
    JsonNode problem = answer.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("success").asBoolean()).isFalse();
    assertThat(problem.get("title").asString()).isNotBlank();
  }
}
