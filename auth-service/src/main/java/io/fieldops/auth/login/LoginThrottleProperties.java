package io.fieldops.auth.login;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of {@link LoginThrottle} ({@code fieldops.auth.login-throttle.*}).
 *
 * @param maxFailuresPerAccount failed logins for one account key within {@code window} after which
 *     that account is locked for {@code window}
 * @param maxFailuresPerAddress the same for one client address; higher, because an office or a
 *     mobile carrier's NAT puts many honest users behind one address
 * @param window how long failures count, and how long a lock lasts
 * @param maxTrackedKeys how many account keys, and separately how many addresses, are remembered at
 *     most (about 200 bytes each, so the default bounds the two maps to some 40 MB in all even when
 *     an attacker sprays random account names)
 */
@Validated
@ConfigurationProperties("fieldops.auth.login-throttle")
public record LoginThrottleProperties(
    @Min(1) @DefaultValue("5") int maxFailuresPerAccount,
    @Min(1) @DefaultValue("20") int maxFailuresPerAddress,
    @NotNull @DefaultValue("15m") Duration window,
    @Min(1) @DefaultValue("100000") int maxTrackedKeys) {

  private static final String PREFIX = "fieldops.auth.login-throttle.";

  public LoginThrottleProperties {
    // Checked here as well as by @Validated so that a plain `new` (tests, other wiring) fails fast
    // with the property's name too.
    require(maxFailuresPerAccount >= 1, "max-failures-per-account must be at least 1");
    require(maxFailuresPerAddress >= 1, "max-failures-per-address must be at least 1");
    require(window != null && !window.isNegative() && !window.isZero(), "window must be positive");
    require(maxTrackedKeys >= 1, "max-tracked-keys must be at least 1");
  }

  /** 5 per account, 20 per address, 15 minutes, 100,000 keys. */
  public static LoginThrottleProperties defaults() {
    return new LoginThrottleProperties(5, 20, Duration.ofMinutes(15), 100_000);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(PREFIX + message);
    }
  }
}
