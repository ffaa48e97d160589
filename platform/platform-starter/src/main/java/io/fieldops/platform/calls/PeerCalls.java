package io.fieldops.platform.calls;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;

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
    return calls.computeIfAbsent(
        peer, name -> new PeerCall(name, breakers.create(name), settings.apply(name)));
  }
}
