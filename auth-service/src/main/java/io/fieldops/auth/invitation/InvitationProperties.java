package io.fieldops.auth.invitation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldops.auth.invitation.*}.
 *
 * @param ttl how long the invited person has to accept an invitation
 */
@Validated
@ConfigurationProperties("fieldops.auth.invitation")
public record InvitationProperties(@NotNull @DefaultValue("7d") Duration ttl) {}
