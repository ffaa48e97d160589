package io.fieldops.platform.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadProvider;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;

class PeerBreakersTest {

  private static CircuitBreaker breaker(Duration timeout, Duration openFor) {
    var factory =
        new Resilience4JCircuitBreakerFactory(
            CircuitBreakerRegistry.ofDefaults(),
            TimeLimiterRegistry.ofDefaults(),
            (Resilience4jBulkheadProvider) null);
    factory.configureDefault(id -> PeerBreakers.configuration(id, timeout, 50, openFor));
    return factory.create("peer");
  }

  @Test
  void aCallThatDoesNotAnswerInTimeGetsTheFallback() {
    CountDownLatch never = new CountDownLatch(1);

    String answer =
        breaker(Duration.ofMillis(200), Duration.ofMinutes(1))
            .run(
                () -> {
                  try {
                    never.await();
                  } catch (InterruptedException cancelled) {
                    // the time limiter cancels the call
                    Thread.currentThread().interrupt();
                  }
                  return "answer";
                },
                failure -> "fallback");

    assertThat(answer).isEqualTo("fallback");
  }

  @Test
  void afterEnoughFailuresThePeerIsNotCalledAnyMore() {
    CircuitBreaker breaker = breaker(Duration.ofSeconds(5), Duration.ofMinutes(1));
    AtomicInteger calls = new AtomicInteger();

    for (int i = 0; i < PeerBreakers.MINIMUM_CALLS + 3; i++) {
      breaker.run(
          () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("peer down");
          },
          failure -> "fallback");
    }

    // the breaker opened after MINIMUM_CALLS failures (100 % >= 50 %): later calls answer at once
    assertThat(calls).hasValue(PeerBreakers.MINIMUM_CALLS);
  }
}
