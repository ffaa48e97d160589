package io.fieldops.auth.passwordsetup;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldops.auth.password-setup.*}.
 *
 * @param ttl how long a set-up link stays usable after it was issued
 */
@Validated
@ConfigurationProperties("fieldops.auth.password-setup")
public record PasswordSetupProperties(@NotNull @DefaultValue("24h") Duration ttl) {}
