package io.fieldops.platform.calls;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;

/**
 * The circuit breaker every call to a peer service goes through: a time limit, so a slow peer costs
 * the caller at most {@code timeout}, and a breaker over the last ten calls that, once {@code
 * failureRateThreshold} percent of at least five have failed, answers at once (the caller's
 * fallback) for {@code openFor}. {@link PeerClientsAutoConfiguration} makes it the default of every
 * breaker, configured per peer by {@code fieldops.peers.<name>.*}.
 */
public final class PeerBreakers {

  static final int WINDOW = 10;
  static final int MINIMUM_CALLS = 5;

  private PeerBreakers() {}

  /** Every breaker id is a peer's name; each gets the breaker its {@link PeerSettings} describe. */
  static Customizer<Resilience4JCircuitBreakerFactory> forEveryPeer(
      Function<String, PeerSettings> settings) {
    return factory -> factory.configureDefault(id -> configuration(id, settings.apply(id)));
  }

  static Resilience4JConfigBuilder.Resilience4JCircuitBreakerConfiguration configuration(
      String id, PeerSettings settings) {
    return configuration(
        id, settings.timeout(), settings.failureRateThreshold(), settings.openFor());
  }

  static Resilience4JConfigBuilder.Resilience4JCircuitBreakerConfiguration configuration(
      String id, Duration timeout, float failureRateThreshold, Duration openFor) {
    return new Resilience4JConfigBuilder(id)
        .timeLimiterConfig(
            TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build())
        .circuitBreakerConfig(
            CircuitBreakerConfig.custom()
                .slidingWindowSize(WINDOW)
                .minimumNumberOfCalls(MINIMUM_CALLS)
                .failureRateThreshold(failureRateThreshold)
                .waitDurationInOpenState(openFor)
                .build())
        .build();
  }
}
