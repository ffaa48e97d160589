package io.fieldops.platform.calls;

import io.fieldops.platform.error.ServiceUnavailableException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.context.ContextSnapshotFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Calls to one peer service, each inside the peer's time limit and circuit breaker ({@link
 * PeerBreakers}). The peer down, slow, answering 5xx or its breaker open is a failure: {@link
 * #idempotent} and {@link #once} throw a {@link ServiceUnavailableException} (a quick 503 for the
 * caller, whose {@code Retry-After} is the time the open breaker has left, or a second while it is
 * closed), {@link #ifAvailable} answers empty. The peer refusing the input (400, 404, 409, 422) is
 * an answer, not a failure: it is thrown as a {@link PeerRefusal} and never opens the breaker.
 *
 * <pre>{@code
 * Organization org = peers.to("auth-service").idempotent(() -> authApi.resolve(slug));
 * }</pre>
 *
 * <p>The call runs on the time limiter's thread; the caller's security context (whose bearer token
 * a relaying client forwards) and trace go with it. It is refused inside a database transaction,
 * where it would hold a pooled connection for as long as the peer takes.
 */
public final class PeerCall {

  private static final Logger log = LoggerFactory.getLogger(PeerCall.class);
  private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

  private final String peer;
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final BreakerWatch watch;

  PeerCall(String peer, CircuitBreaker breaker, PeerSettings settings, BreakerWatch watch) {
    this.peer = peer;
    this.breaker = breaker;
    this.watch = watch;
    this.retry =
        Retry.of(
            peer,
            RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .waitDuration(Duration.ofMillis(100))
                // a refusal is the peer's verdict on the input: asking again changes nothing
                .retryOnException(failure -> !PeerRefusal.isRefusal(failure))
                .build());
  }

  /** The peer's name (its HTTP service group and Eureka id). */
  public String peer() {
    return peer;
  }

  /**
   * A call that may safely be made twice (a read, a find-or-create): a failed try is retried, all
   * tries together within the time limit.
   */
  public <T> T idempotent(Supplier<T> call) {
    return run(Retry.decorateSupplier(retry, call));
  }

  /** A call that must not be repeated: tried once. */
  public <T> T once(Supplier<T> call) {
    return run(call);
  }

  /**
   * A call whose answer the caller can do without: a failure, or a refusal, answers empty, so the
   * caller degrades (for example shows a record without the peer's fields) instead of failing. The
   * call is a read by nature and retried like {@link #idempotent}.
   */
  public <T> Optional<T> ifAvailable(Supplier<T> call) {
    try {
      return Optional.ofNullable(idempotent(call));
    } catch (ServiceUnavailableException unavailable) {
      return Optional.empty();
    } catch (PeerRefusal refusal) {
      log.warn("{} refused a read ({}); going on without it", peer, refusal.status());
      return Optional.empty();
    }
  }

  /**
   * The 503 for this peer being unavailable now, for a caller that learnt it from {@link
   * #ifAvailable} and cannot do without the answer after all: its {@code Retry-After} is the open
   * breaker's time left, as {@link #once} would have said.
   */
  public ServiceUnavailableException unavailable() {
    return new ServiceUnavailableException(peer, null, watch.retryAfter());
  }

  private <T> T run(Supplier<T> call) {
    // A call made inside a transaction would hold a pooled connection (and its locks) for as long
    // as the peer takes: resolve what the peer knows first, then open the transaction.
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "A call to "
              + peer
              + " inside a database transaction: make the call before the transaction opens");
    }
    // the caller's language goes with the call too, so the peer's messages are in it
    LocaleContext language = LocaleContextHolder.getLocaleContext();
    Callable<Outcome<T>> guarded =
        CONTEXT
            .captureAll()
            .wrap(
                () -> {
                  LocaleContext before = LocaleContextHolder.getLocaleContext();
                  LocaleContextHolder.setLocaleContext(language);
                  try {
                    return new Outcome<>(call.get(), null);
                  } catch (HttpClientErrorException e) {
                    if (!PeerRefusal.isRefusal(e)) {
                      throw e;
                    }
                    // returned, not thrown: a refusal must not count as a failure of the peer
                    return new Outcome<T>(null, new PeerRefusal(peer, e));
                  } finally {
                    LocaleContextHolder.setLocaleContext(before);
                  }
                });
    Outcome<T> outcome =
        breaker.run(
            () -> {
              try {
                return guarded.call();
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            failure -> {
              log.warn("{} unavailable: {}", peer, failure.toString());
              throw new ServiceUnavailableException(peer, failure, watch.retryAfter());
            });
    if (outcome.refusal() != null) {
      throw outcome.refusal();
    }
    return outcome.value();
  }

  private record Outcome<T>(T value, PeerRefusal refusal) {}
}
