package io.fieldops.platform.calls;

import io.fieldops.platform.error.ServiceUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a peer's breaker lets calls through again, which is what a 503 for that peer tells its
 * caller to wait ({@code Retry-After}). An open breaker refuses every call for {@code openFor} from
 * the moment it opened; at any other time the peer failed this one call, and a second is soon
 * enough to try again.
 */
final class BreakerWatch {

  static final Duration SOON = ServiceUnavailableException.SOON;

  private final Duration openFor;
  private final Clock clock;
  private volatile Instant openUntil = Instant.MIN;

  BreakerWatch(Duration openFor, Clock clock) {
    this.openFor = openFor;
    this.clock = clock;
  }

  /**
   * Follows {@code breaker}'s openings; Spring Cloud's factory applies it to the peer's breaker.
   */
  void watch(CircuitBreaker breaker) {
    breaker
        .getEventPublisher()
        .onStateTransition(
            change ->
                openUntil =
                    change.getStateTransition().getToState() == CircuitBreaker.State.OPEN
                        ? change.getCreationTime().toInstant().plus(openFor)
                        : Instant.MIN);
  }

  /** How long a caller should wait before trying again: never less than {@link #SOON}. */
  Duration retryAfter() {
    Instant now = clock.instant();
    if (!openUntil.isAfter(now)) {
      return SOON;
    }
    Duration left = Duration.between(now, openUntil);
    return left.compareTo(SOON) > 0 ? left : SOON;
  }
}
