package io.fieldops.booking.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fieldops.booking.config.BookingProperties;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.ProblemException;
import io.fieldops.platform.error.ServiceUnavailableException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What booking-service asks auth-service for a public agent booking: which organisation the request
 * names, and the user behind a phone number (found or created). Both calls are idempotent, so a
 * failed try is retried; all tries together stay inside the time limit, behind the circuit breaker
 * {@value #BREAKER}. auth-service down, slow or answering 5xx becomes a 503 problem for the agent;
 * auth-service refusing the input (unknown organisation, impossible phone, email taken) is passed
 * on as the same 400/409 with its {@code details}.
 */
@Service
public class AuthService {

  static final String BREAKER = "auth-service";
  private static final Logger log = LoggerFactory.getLogger(AuthService.class);

  private final AuthServiceApi api;
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final JsonMapper json;
  private final Cache<String, Organization> organizations;

  AuthService(
      AuthServiceApi api,
      CircuitBreakerFactory<?, ?> breakers,
      BookingProperties properties,
      JsonMapper json) {
    BookingProperties.AuthService auth = properties.authService();
    this.api = api;
    this.breaker = breakers.create(BREAKER);
    this.json = json;
    this.retry =
        Retry.of(
            BREAKER,
            RetryConfig.custom()
                .maxAttempts(auth.maxAttempts())
                .waitDuration(Duration.ofMillis(100))
                .retryOnException(AuthService::worthRetrying)
                .build());
    this.organizations =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(auth.organizationCacheTtl())
            .build();
  }

  /** The organisation named by id or slug, or the default one for null/blank. */
  public Organization organization(String idOrSlug) {
    String key = idOrSlug == null ? "" : idOrSlug.strip().toLowerCase(java.util.Locale.ROOT);
    Organization cached = organizations.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    Organization found = call(() -> api.resolve(key.isEmpty() ? null : idOrSlug.strip()));
    organizations.put(key, found);
    organizations.put(found.id().toString(), found);
    return found;
  }

  /** The user with this phone in {@code organization}, created (without password) if new. */
  public Customer findOrCreate(Organization organization, NewCustomer customer) {
    AuthServiceApi.Provisioned answer =
        call(
            () ->
                api.provision(
                    new AuthServiceApi.ProvisionRequest(
                        customer.phone(),
                        organization.id().toString(),
                        customer.firstName(),
                        customer.lastName(),
                        customer.email(),
                        customer.gender(),
                        customer.country())));
    AuthServiceApi.ProvisionedUser user = answer.user();
    return new Customer(
        user.id(),
        user.username(),
        user.firstName(),
        user.lastName(),
        user.email(),
        user.phone(),
        user.isActive(),
        answer.created());
  }

  private <T> T call(Supplier<T> call) {
    Outcome<T> outcome =
        breaker.run(
            () -> {
              try {
                return new Outcome<>(Retry.decorateSupplier(retry, call).get(), null);
              } catch (HttpClientErrorException e) {
                if (!isRefusal(e)) {
                  throw e;
                }
                // the input was refused: an answer, not a failure of auth-service
                return new Outcome<T>(null, e);
              }
            },
            failure -> {
              log.warn("auth-service unavailable: {}", failure.toString());
              throw new ServiceUnavailableException("auth-service", failure);
            });
    if (outcome.refusal() != null) {
      throw passOn(outcome.refusal());
    }
    return outcome.value();
  }

  private record Outcome<T>(T value, HttpClientErrorException refusal) {}

  /** 400, 409 and 422 are auth-service's verdict on the input; anything else is its failure. */
  private static boolean isRefusal(HttpClientErrorException e) {
    int status = e.getStatusCode().value();
    return status == 400 || status == 409 || status == 422;
  }

  private static boolean worthRetrying(Throwable failure) {
    return !(failure instanceof HttpClientErrorException e) || !isRefusal(e);
  }

  /** auth-service's problem with its field details, as booking-service's own 400 or 409. */
  private ProblemException passOn(HttpClientErrorException refusal) {
    Map<String, String> details = new LinkedHashMap<>();
    String message = null;
    try {
      JsonNode body = json.readTree(refusal.getResponseBodyAsString());
      for (Map.Entry<String, JsonNode> detail : body.path("details").properties()) {
        if (detail.getValue().isString()) {
          details.put(detail.getKey(), detail.getValue().asString());
        }
      }
      message = body.path("message").isString() ? body.path("message").asString() : null;
    } catch (RuntimeException e) {
      log.warn("auth-service refused with an unreadable body ({})", refusal.getStatusCode());
    }
    if (!details.isEmpty()) {
      message = details.values().iterator().next();
    }
    if (message == null) {
      message = "fieldops.problem.validation-failed";
    }
    if (refusal.getStatusCode().value() == 409) {
      return new ProblemException(HttpStatus.CONFLICT, "conflict", message, details);
    }
    return new BadRequestException(message, details);
  }
}
