package io.fieldops.booking.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldops.booking.*}. How auth-service is called is {@code fieldops.peers.auth-service.*}
 * (platform-starter's peer client); how long an Idempotency-Key is kept is {@code
 * fieldops.events.idempotency.ttl} (platform-events).
 *
 * @param organizationCacheTtl how long an organisation resolved by auth-service is remembered
 */
@Validated
@ConfigurationProperties("fieldops.booking")
public record BookingProperties(@NotNull @DefaultValue("1m") Duration organizationCacheTtl) {}
