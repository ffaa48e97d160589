package io.fieldops.gateway.resilience;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the gateway waits for a service and when it stops trying for a while. One setting for
 * every route: each route still gets its own circuit breaker (named after its service).
 *
 * @param timeout answer 503 when a service has not answered within this time
 * @param retryAfter what the 503's Retry-After header suggests
 * @param failureRateThreshold percentage of failed calls that opens a route's circuit
 * @param minimumNumberOfCalls calls in the window before the failure rate counts
 * @param waitInOpenState how long an open circuit fails fast before trying the service again
 */
@Validated
@ConfigurationProperties("fieldops.gateway.resilience")
public record ResilienceProperties(
    @NotNull @DefaultValue("10s") Duration timeout,
    @NotNull @DefaultValue("5s") Duration retryAfter,
    @Min(1) @Max(100) @DefaultValue("50") int failureRateThreshold,
    @Min(1) @DefaultValue("10") int minimumNumberOfCalls,
    @NotNull @DefaultValue("10s") Duration waitInOpenState) {}
