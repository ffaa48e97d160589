package io.fieldops.platform.calls;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;

/**
 * The circuit breaker every call to a peer service goes through (DESIGN.md "Calls between
 * services"): a time limit, so a slow peer costs the caller at most {@code timeout}, and a breaker
 * over the last ten calls that, once {@code failureRateThreshold} percent of at least five have
 * failed, answers at once (the caller's fallback) for {@code openFor}. A service declares it as a
 * bean; it needs Spring Cloud CircuitBreaker on Resilience4j on its classpath.
 *
 * <pre>{@code
 * @Bean
 * Customizer<Resilience4JCircuitBreakerFactory> authServiceBreaker(MyProperties p) {
 *   return PeerBreakers.breaker("auth-service", p.timeout(), p.failureRate(), p.openFor());
 * }
 * }</pre>
 */
public final class PeerBreakers {

  static final int WINDOW = 10;
  static final int MINIMUM_CALLS = 5;

  private PeerBreakers() {}

  public static Customizer<Resilience4JCircuitBreakerFactory> breaker(
      String id, Duration timeout, float failureRateThreshold, Duration openFor) {
    return factory ->
        factory.configure(
            builder ->
                builder
                    .timeLimiterConfig(
                        TimeLimiterConfig.custom()
                            .timeoutDuration(timeout)
                            .cancelRunningFuture(true)
                            .build())
                    .circuitBreakerConfig(
                        CircuitBreakerConfig.custom()
                            .slidingWindowSize(WINDOW)
                            .minimumNumberOfCalls(MINIMUM_CALLS)
                            .failureRateThreshold(failureRateThreshold)
                            .waitDurationInOpenState(openFor)
                            .build()),
            id);
  }
}
