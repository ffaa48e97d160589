package io.fieldops.auth.login;

import io.fieldops.platform.net.TrustedProxies;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of {@link LoginThrottle} ({@code fieldops.auth.login-throttle.*}) and who the client is.
 *
 * @param freeFailuresPerAccount failed logins for one account (from one source: its familiar
 *     address, or anywhere else) before each further attempt has to wait
 * @param firstDelay the wait after the last free failure; it doubles with every further failure
 * @param maxDelay the longest wait, however many failures
 * @param forgetFailuresAfter an account's failures are forgotten this long after the last one;
 *     longer than {@code maxDelay}, else an attacker who waits out the longest delay would start
 *     afresh
 * @param familiarAddressFor how long an address an account logged in from stays familiar (its
 *     failures counted apart from everyone else's); zero turns familiar addresses off
 * @param maxFailuresPerAddress failed logins from one client address (any accounts) within {@code
 *     addressWindow} after which that address is locked for {@code addressWindow}; higher than per
 *     account, because an office or a mobile carrier's NAT puts many honest users behind one
 *     address
 * @param addressWindow how long an address's failures count, and how long its lock lasts
 * @param maxTrackedKeys how many accounts, and separately how many addresses, are remembered at
 *     most (an account with its familiar addresses is some 600 bytes at most, an address some 200,
 *     so the default bounds both maps to some 80 MB even when an attacker sprays random names)
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} is believed: the
 *     gateway, and any proxy in front of it whose address the gateway passes on (the Kubernetes
 *     Ingress). Default loopback, the devstack's gateway. Anyone else is keyed by its TCP address
 */
@Validated
@ConfigurationProperties("fieldops.auth.login-throttle")
public record LoginThrottleProperties(
    @Min(1) @DefaultValue("5") int freeFailuresPerAccount,
    @NotNull @DefaultValue("1s") Duration firstDelay,
    @NotNull @DefaultValue("15m") Duration maxDelay,
    @NotNull @DefaultValue("1h") Duration forgetFailuresAfter,
    @NotNull @DefaultValue("30d") Duration familiarAddressFor,
    @Min(1) @DefaultValue("20") int maxFailuresPerAddress,
    @NotNull @DefaultValue("15m") Duration addressWindow,
    @Min(1) @DefaultValue("100000") int maxTrackedKeys,
    @DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> trustedProxies) {

  private static final String PREFIX = "fieldops.auth.login-throttle.";

  public LoginThrottleProperties {
    // Checked here as well as by @Validated so that a plain `new` (tests, other wiring) fails fast
    // with the property's name too.
    require(freeFailuresPerAccount >= 1, "free-failures-per-account must be at least 1");
    require(positive(firstDelay), "first-delay must be positive");
    require(
        positive(maxDelay) && maxDelay.compareTo(firstDelay) >= 0,
        "max-delay must be at least first-delay");
    require(
        positive(forgetFailuresAfter) && forgetFailuresAfter.compareTo(maxDelay) > 0,
        "forget-failures-after must be longer than max-delay");
    require(
        familiarAddressFor != null && !familiarAddressFor.isNegative(),
        "familiar-address-for must be zero or positive");
    require(maxFailuresPerAddress >= 1, "max-failures-per-address must be at least 1");
    require(positive(addressWindow), "address-window must be positive");
    require(maxTrackedKeys >= 1, "max-tracked-keys must be at least 1");
    trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    try {
      TrustedProxies.of(trustedProxies);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PREFIX + "trusted-proxies: " + e.getMessage(), e);
    }
  }

  /**
   * 5 free failures per account, then 1 s doubling up to 15 min, forgotten after 1 h; familiar
   * addresses for 30 days; 20 per address in 15 min; 100,000 keys; loopback trusted.
   */
  public static LoginThrottleProperties defaults() {
    return new LoginThrottleProperties(
        5,
        Duration.ofSeconds(1),
        Duration.ofMinutes(15),
        Duration.ofHours(1),
        Duration.ofDays(30),
        20,
        Duration.ofMinutes(15),
        100_000,
        List.of("127.0.0.0/8", "::1/128"));
  }

  TrustedProxies toTrustedProxies() {
    return TrustedProxies.of(trustedProxies);
  }

  private static boolean positive(Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(PREFIX + message);
    }
  }
}
