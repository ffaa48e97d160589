package io.fieldops.booking.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;

/**
 * auth-service unreachable or too slow: the agent gets a quick 503 problem and nothing is written
 * (no booking, no idempotency record, no outbox event). the tests cut {@link #AUTH_LINK} or make
 * the stub hang.
 */
class AuthServiceDownIT extends BookingIntegrationTest {

  @Autowired Resilience4JCircuitBreakerFactory breakers;

  @AfterEach
  void reopen() {
    AUTH.release();
    AUTH_LINK.open();
    breakers.getCircuitBreakerRegistry().circuitBreaker("auth-service").reset();
  }

  @Test
  void anOpenCircuitAnswers503WithoutCallingAuthService() {
    AUTH_LINK.cut();
    for (int i = 0; i < 6; i++) {
      assertStatus(
          http()
              .header("X-Organization", AUTH.organisation("DMY").slug())
              .postJson(AGENT, agentBody(uniquePhone(), monday(3), "14:00")),
          503);
    }
    AUTH_LINK.open();
    int calls = AUTH.resolveCalls();
    Instant start = Instant.now();
    Http.Response refused =
        http()
            .header("X-Organization", AUTH.organisation("DMY").slug())
            .postJson(AGENT, agentBody(uniquePhone(), monday(3), "14:00"));
    assertStatus(refused, 503);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(500));
    // what the breaker (open for 10 s from the failures just now) has left, not "a second"
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(5, 10);
    assertThat(AUTH.resolveCalls()).as("the open breaker does not call").isEqualTo(calls);
  }

  @Test
  void unreachableAuthServiceIsAQuick503AndNothingIsWritten() {
    AUTH_LINK.cut();
    assertUnavailableAndNothingWritten(agentBody(uniquePhone(), monday(0), "14:00"));
  }

  @Test
  void authServiceLostBetweenResolveAndProvisionWritesNothing() {
    // the organisation is resolved (and remembered) and the token obtained while it is up
    assertStatus(agent().postJson(AGENT, agentBody(uniquePhone(), monday(1), "12:00")), 201);
    AUTH_LINK.cut();
    assertUnavailableAndNothingWritten(agentBody(uniquePhone(), monday(1), "14:00"));
    AUTH_LINK.open();
    assertStatus(agent().postJson(AGENT, agentBody(uniquePhone(), monday(1), "14:00")), 201);
  }

  @Test
  void aHangingAuthServiceIsCutOffByTheTimeLimit() {
    assertStatus(agent().postJson(AGENT, agentBody(uniquePhone(), monday(2), "12:00")), 201);
    AUTH.hang();
    assertUnavailableAndNothingWritten(agentBody(uniquePhone(), monday(2), "14:00"));
    AUTH.release();
    assertStatus(agent().postJson(AGENT, agentBody(uniquePhone(), monday(2), "14:00")), 201);
  }

  private void assertUnavailableAndNothingWritten(String body) {
    long bookings = bookings();
    long events = count("event_publication");
    Instant start = Instant.now();
    Http.Response response =
        agent().header("Idempotency-Key", "down-" + start).postJson(AGENT, body);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(4));
    assertProblem(
        response,
        503,
        "service-unavailable",
        "auth-service is temporarily unavailable; please try again shortly",
        null);
    assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 10);
    assertThat(bookings()).isEqualTo(bookings);
    // (an earlier booking's publication may complete meanwhile: never more rows, maybe fewer)
    assertThat(count("event_publication")).isLessThanOrEqualTo(events);
    assertThat(count("idempotency_key")).isZero();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
