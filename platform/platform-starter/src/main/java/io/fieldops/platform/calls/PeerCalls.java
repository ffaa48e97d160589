package io.fieldops.platform.calls;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;

/** The {@link PeerCall} of each peer, made once and shared (its breaker and retry keep state). */
public final class PeerCalls {

  private final CircuitBreakerFactory<?, ?> breakers;
  private final Function<String, PeerSettings> settings;
  private final Map<String, PeerCall> calls = new ConcurrentHashMap<>();

  PeerCalls(CircuitBreakerFactory<?, ?> breakers, Function<String, PeerSettings> settings) {
    this.breakers = breakers;
    this.settings = settings;
  }

  /** Calls to {@code peer}, the HTTP service group (and Eureka id) of a peer service. */
  public PeerCall to(String peer) {
    return calls.computeIfAbsent(peer, this::create);
  }

  private PeerCall create(String peer) {
    PeerSettings peerSettings = settings.apply(peer);
    BreakerWatch watch = new BreakerWatch(peerSettings.openFor(), Clock.systemUTC());
    if (breakers instanceof Resilience4JCircuitBreakerFactory resilience4j) {
      // before create(): the factory hands the breaker its customizers when it makes it
      resilience4j.addCircuitBreakerCustomizer(
          Customizer.once(watch::watch, CircuitBreaker::getName), peer);
    }
    return new PeerCall(peer, breakers.create(peer), peerSettings, watch);
  }
}
