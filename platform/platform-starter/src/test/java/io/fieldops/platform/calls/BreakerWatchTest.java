package io.fieldops.platform.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BreakerWatchTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final BreakerWatch watch = new BreakerWatch(Duration.ofSeconds(10), clock);
  private final CircuitBreaker breaker =
      CircuitBreaker.of("auth-service", CircuitBreakerConfig.ofDefaults());

  @Test
  void aBreakerThatNeverOpenedAsksForASecond() {
    watch.watch(breaker);
    assertThat(watch.retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void anOpenBreakerAsksForTheTimeItHasLeftAndNeverLessThanASecond() {
    watch.watch(breaker);
    breaker.transitionToOpenState();
    now.set(Instant.now());
    assertThat(watch.retryAfter()).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10));

    now.set(now.get().plusSeconds(7));
    assertThat(watch.retryAfter()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));

    now.set(now.get().plusMillis(2_900));
    assertThat(watch.retryAfter()).isEqualTo(Duration.ofSeconds(1));

    now.set(now.get().plusSeconds(5));
    assertThat(watch.retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aBreakerClosedOrHalfOpenAgainAsksForASecond() {
    watch.watch(breaker);
    breaker.transitionToOpenState();
    breaker.transitionToHalfOpenState();
    assertThat(watch.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    breaker.transitionToOpenState();
    breaker.transitionToClosedState();
    assertThat(watch.retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }
}
