package io.fieldops.auth.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How auth-service issues credentials ({@code fieldops.auth.*}).
 *
 * @param issuer the {@code iss} of every token and the authorization server's issuer. Defaults to
 *     the resource-server issuer every other service checks (the devstack passes it), so the two
 *     can never disagree.
 * @param accessTokenTtl about 15 minutes (docs/architecture.md): short enough that a revoked user
 *     loses access soon without any service calling back here
 * @param refreshTokenTtl how long an unused refresh token stays valid
 * @param signingKeyMaxAge the active signing key is replaced once it is this old (checked every
 *     {@code signingKeyCheckInterval}); the old one stays in the JWKS until its tokens expire
 * @param signingKeyCheckInterval how often each instance looks at the active key's age
 * @param bcryptStrength log2 rounds. 11 costs about 160 ms of one core per hash on the build
 *     machine (10: 80 ms, 12: 320 ms): inside the 50-250 ms a login may cost, with room for slower
 *     cores; see README
 * @param passwordMinLength shortest password accepted at registration
 * @param audience the {@code aud} of every token, user or client credentials; the resource servers
 *     require it ({@code spring.security.oauth2.resourceserver.jwt.audiences}, platform default
 *     {@code fieldops}), so both sides read the same property
 * @param clients the services that may ask for a client-credentials token (booking-service, for the
 *     public agent booking): no default, so a deployment names each one with the hash of its secret
 *     and no more scopes than it needs; auth-service refuses to start without them
 */
@Validated
@ConfigurationProperties("fieldops.auth")
public record AuthProperties(
    @NotBlank String issuer,
    @NotNull @DefaultValue("15m") Duration accessTokenTtl,
    @NotNull @DefaultValue("14d") Duration refreshTokenTtl,
    @NotNull @DefaultValue("30d") Duration signingKeyMaxAge,
    @NotNull @DefaultValue("1h") Duration signingKeyCheckInterval,
    @Min(4) @Max(31) @DefaultValue("11") int bcryptStrength,
    @Min(8) @DefaultValue("8") int passwordMinLength,
    @NotEmpty @Valid List<ServiceClient> clients,
    @NotBlank String audience) {

  /**
   * A registered client: a service that authenticates with its own secret.
   *
   * @param id the client id ({@code booking-service})
   * @param secretHash the secret as the password encoder stores it ({@code {bcrypt}$2a$...}), never
   *     the secret itself
   * @param scopes what its tokens may do ({@code users:provision}, {@code organizations:read})
   */
  public record ServiceClient(
      @NotBlank String id,
      @NotBlank @Pattern(
              regexp = "\\{bcrypt}\\$2[aby]?\\$.+",
              message = "must be a bcrypt hash such as {bcrypt}$2a$10$..., not the secret itself")
          String secretHash,
      @NotEmpty List<String> scopes) {}
}
