package io.fieldops.platform.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.error.ProblemException;
import io.fieldops.platform.error.ServiceUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

class PeerCallTest {

  private static final PeerSettings SETTINGS =
      new PeerSettings(Duration.ofSeconds(2), 2, 50, Duration.ofMinutes(1), null);

  private final PeerCall peer = peer(SETTINGS);

  @AfterEach
  void clearContext() {
    SecurityContextHolder.clearContext();
  }

  private static PeerCall peer(PeerSettings settings) {
    var factory =
        new Resilience4JCircuitBreakerFactory(
            CircuitBreakerRegistry.ofDefaults(),
            TimeLimiterRegistry.ofDefaults(),
            (Resilience4jBulkheadProvider) null);
    PeerBreakers.forEveryPeer(name -> settings).customize(factory);
    return new PeerCalls(factory, name -> settings).to("auth-service");
  }

  private static HttpClientErrorException refusal(int status, String body) {
    return HttpClientErrorException.create(
        HttpStatus.valueOf(status),
        "refused",
        HttpHeaders.EMPTY,
        body.getBytes(StandardCharsets.UTF_8),
        StandardCharsets.UTF_8);
  }

  @Test
  void anAnswerIsReturned() {
    assertThat(peer.idempotent(() -> "answer")).isEqualTo("answer");
    assertThat(peer.once(() -> "answer")).isEqualTo("answer");
    assertThat(peer.ifAvailable(() -> "answer")).contains("answer");
  }

  @Test
  void aFailedIdempotentCallIsRetriedOnceAndThenA503() {
    AtomicInteger tries = new AtomicInteger();
    assertThatThrownBy(
            () ->
                peer.idempotent(
                    () -> {
                      tries.incrementAndGet();
                      throw new HttpServerErrorException(HttpStatus.BAD_GATEWAY);
                    }))
        .isInstanceOf(ServiceUnavailableException.class)
        .satisfies(e -> assertThat(((ProblemException) e).status().value()).isEqualTo(503));
    assertThat(tries).hasValue(2);
  }

  @Test
  void aCallMadeOnceIsNotRepeated() {
    AtomicInteger tries = new AtomicInteger();
    assertThatThrownBy(
            () ->
                peer.once(
                    () -> {
                      tries.incrementAndGet();
                      throw new IllegalStateException("connection refused");
                    }))
        .isInstanceOf(ServiceUnavailableException.class);
    assertThat(tries).hasValue(1);
  }

  @Test
  void aRefusalIsPassedOnWithTheFieldDetailsNotRetriedAndNeverOpensTheBreaker() {
    AtomicInteger tries = new AtomicInteger();
    for (int i = 0; i < PeerBreakers.MINIMUM_CALLS * 2; i++) {
      assertThatThrownBy(
              () ->
                  peer.idempotent(
                      () -> {
                        tries.incrementAndGet();
                        throw refusal(
                            409,
                            """
                            {"status": 409, "message": "This email is already in use.",
                             "details": {"email": "This email is already in use."}}
                            """);
                      }))
          .isInstanceOfSatisfying(
              PeerRefusal.class,
              refused -> {
                assertThat(refused.status()).isEqualTo(409);
                assertThat(refused.details())
                    .containsExactly(Map.entry("email", "This email is already in use."));
                ProblemException problem = refused.passedOn();
                assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
                assertThat(problem.code()).isEqualTo("conflict");
                assertThat(problem.messageKey()).isEqualTo("This email is already in use.");
              });
    }
    assertThat(tries).hasValue(PeerBreakers.MINIMUM_CALLS * 2);
    assertThat(peer.idempotent(() -> "still closed")).isEqualTo("still closed");
  }

  @Test
  void aRefusalWithoutDetailsCarriesThePeersMessage() {
    assertThatThrownBy(
            () ->
                peer.once(
                    () -> {
                      throw refusal(400, "{\"message\": \"Organization not found.\"}");
                    }))
        .isInstanceOfSatisfying(
            PeerRefusal.class,
            refused -> {
              assertThat(refused.passedOn().status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(refused.passedOn().messageKey()).isEqualTo("Organization not found.");
            });
    assertThatThrownBy(
            () ->
                peer.once(
                    () -> {
                      throw refusal(404, "not json");
                    }))
        .isInstanceOfSatisfying(
            PeerRefusal.class,
            refused -> {
              assertThat(refused.passedOn().status()).isEqualTo(HttpStatus.NOT_FOUND);
              assertThat(refused.details()).isEmpty();
            });
  }

  @Test
  void ifAvailableAnswersEmptyWhenThePeerFailsOrRefuses() {
    assertThat(
            peer.ifAvailable(
                () -> {
                  throw new IllegalStateException("down");
                }))
        .isEmpty();
    assertThat(
            peer.ifAvailable(
                () -> {
                  throw refusal(400, "{}");
                }))
        .isEmpty();
  }

  @Test
  void aSlowPeerCostsTheTimeLimitAtMost() {
    PeerCall slow =
        peer(new PeerSettings(Duration.ofMillis(200), 1, 50, Duration.ofMinutes(1), null));
    assertThatThrownBy(
            () ->
                slow.once(
                    () -> {
                      try {
                        new CountDownLatch(1).await();
                      } catch (InterruptedException cancelled) {
                        Thread.currentThread().interrupt();
                      }
                      return "late";
                    }))
        .isInstanceOf(ServiceUnavailableException.class);
  }

  @Test
  void aFailureWhileTheBreakerIsClosedAsksTheCallerToTryAgainInASecond() {
    assertThatThrownBy(
            () ->
                peer.once(
                    () -> {
                      throw new IllegalStateException("connection refused");
                    }))
        .isInstanceOfSatisfying(
            ServiceUnavailableException.class,
            unavailable -> {
              assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(1));
              assertThat(unavailable.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            });
  }

  @Test
  void anOpenBreakerAsksTheCallerToWaitUntilItLetsCallsThroughAgain() {
    for (int i = 0; i < PeerBreakers.MINIMUM_CALLS; i++) {
      assertThatThrownBy(
              () ->
                  peer.once(
                      () -> {
                        throw new IllegalStateException("connection refused");
                      }))
          .isInstanceOf(ServiceUnavailableException.class);
    }
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> peer.once(calls::incrementAndGet))
        .isInstanceOfSatisfying(
            ServiceUnavailableException.class,
            unavailable -> {
              // SETTINGS open the breaker for a minute, counted from the fifth failure just now
              assertThat(unavailable.retryAfter())
                  .isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1));
              assertThat(unavailable.headers().getFirst(HttpHeaders.RETRY_AFTER))
                  .isIn(
                      java.util.stream.IntStream.rangeClosed(50, 60)
                          .mapToObj(Integer::toString)
                          .toList());
            });
    assertThat(calls).as("the open breaker does not call").hasValue(0);
    // a caller that learnt it from ifAvailable answers the same 503
    assertThat(peer.ifAvailable(calls::incrementAndGet)).isEmpty();
    assertThat(peer.unavailable().retryAfter())
        .isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1));
    assertThat(peer.unavailable().status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
  }

  @Test
  void theUnavailableAnswerOfAClosedBreakerAsksForASecond() {
    assertThat(peer.unavailable().retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(peer.unavailable().code()).isEqualTo("service-unavailable");
  }

  @Test
  void aCallInsideATransactionIsRefusedBeforeItIsMade() {
    AtomicInteger calls = new AtomicInteger();
    TransactionSynchronizationManager.setActualTransactionActive(true);
    try {
      assertThatThrownBy(() -> peer.once(calls::incrementAndGet))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("inside a database transaction");
    } finally {
      TransactionSynchronizationManager.setActualTransactionActive(false);
    }
    assertThat(calls).hasValue(0);
  }

  @Test
  void theCallersSecurityContextGoesWithTheCall() {
    SecurityContextHolder.getContext()
        .setAuthentication(new TestingAuthenticationToken("caller", "token"));
    String seen = peer.once(() -> SecurityContextHolder.getContext().getAuthentication().getName());
    assertThat(seen).isEqualTo("caller");
  }

  @Test
  void theCallersLanguageGoesWithTheCall() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("th"));
    try {
      Locale seen = peer.once(LocaleContextHolder::getLocale);
      assertThat(seen).isEqualTo(Locale.forLanguageTag("th"));
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }
}
