package io.fieldops.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final String ALICE = "alice@example.com";
  private static final String BOB = "bob@example.com";
  private static final String HOME = "203.0.113.7";
  private static final String OFFICE = "198.51.100.20";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  private final LoginThrottle throttle =
      new LoginThrottle(LoginThrottleProperties.defaults(), clock);

  private void fail(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.recordFailure(account, address);
    }
  }

  @Nested
  class PerAccount {

    @Test
    void fourFailuresAreAllowedTheFifthLocks() {
      fail(ALICE, HOME, 4);
      assertThat(throttle.isBlocked(ALICE, HOME)).isFalse();
      assertThat(throttle.retryAfter(ALICE, HOME)).isZero();

      throttle.recordFailure(ALICE, HOME);
      assertThat(throttle.isBlocked(ALICE, HOME)).isTrue();
      assertThat(throttle.retryAfter(ALICE, HOME)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theLockFollowsTheAccountToEveryAddress() {
      fail(ALICE, HOME, 5);
      assertThat(throttle.isBlocked(ALICE, OFFICE)).isTrue();
    }

    @Test
    void otherAccountsAreNotAffected() {
      fail(ALICE, HOME, 5);
      assertThat(throttle.isBlocked(BOB, OFFICE)).isFalse();
    }

    @Test
    void theLockEndsOneWindowAfterTheFailureThatReachedTheLimit() {
      fail(ALICE, HOME, 4);
      clock.advance(Duration.ofMinutes(10));
      throttle.recordFailure(ALICE, HOME); // fifth, 10 min after the first

      clock.advance(Duration.ofMinutes(14));
      assertThat(throttle.isBlocked(ALICE, HOME)).isTrue();
      assertThat(throttle.retryAfter(ALICE, HOME)).isEqualTo(Duration.ofMinutes(1));

      clock.advance(Duration.ofMinutes(1));
      assertThat(throttle.isBlocked(ALICE, HOME)).isFalse();
      assertThat(throttle.retryAfter(ALICE, HOME)).isZero();
    }

    @Test
    void afterTheLockTheCountStartsAgain() {
      fail(ALICE, HOME, 5);
      clock.advance(Duration.ofMinutes(15));

      fail(ALICE, HOME, 4);
      assertThat(throttle.isBlocked(ALICE, HOME)).isFalse();
      throttle.recordFailure(ALICE, HOME);
      assertThat(throttle.isBlocked(ALICE, HOME)).isTrue();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
      fail(ALICE, HOME, 4);
      clock.advance(Duration.ofMinutes(15));
      throttle.recordFailure(ALICE, HOME);
      assertThat(throttle.isBlocked(ALICE, HOME)).isFalse();
    }

    @Test
    void failuresJustInsideTheWindowStillCount() {
      fail(ALICE, HOME, 4);
      clock.advance(Duration.ofMinutes(15).minusMillis(1));
      throttle.recordFailure(ALICE, HOME);
      assertThat(throttle.isBlocked(ALICE, HOME)).isTrue();
    }

    @Test
    void failuresWhileLockedDoNotExtendTheLock() {
      fail(ALICE, HOME, 5);
      clock.advance(Duration.ofMinutes(10));
      fail(ALICE, HOME, 3);
      assertThat(throttle.retryAfter(ALICE, HOME)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void successClearsTheAccountsCount() {
      fail(ALICE, HOME, 4);
      throttle.recordSuccess(ALICE);
      fail(ALICE, HOME, 4);
      assertThat(throttle.isBlocked(ALICE, HOME)).isFalse();
    }

    @Test
    void successDoesNotClearTheAddressCount() {
      // An attacker must not reset their address by logging in to an account of their own.
      var throttle = throttleWith(100, 3);
      throttle.recordFailure("victim1", HOME);
      throttle.recordFailure("victim2", HOME);
      throttle.recordSuccess("attacker");
      throttle.recordFailure("victim3", HOME);
      assertThat(throttle.isBlocked("attacker", HOME)).isTrue();
    }

    @Test
    void accountKeysIgnoreCaseAndSurroundingSpace() {
      fail(" Alice@Example.COM ", HOME, 3);
      fail(ALICE, HOME, 2);
      assertThat(throttle.isBlocked("ALICE@example.com", OFFICE)).isTrue();
    }

    @Test
    void unknownAccountsAreLockedExactlyLikeKnownOnes() {
      // The throttle knows no users: what was typed is the key, so the answers for an account
      // that does not exist are the same as for one that does.
      fail("nobody-here@example.com", HOME, 5);
      fail(ALICE, OFFICE, 5);
      assertThat(throttle.isBlocked("nobody-here@example.com", "192.0.2.1")).isTrue();
      assertThat(throttle.retryAfter("nobody-here@example.com", "192.0.2.1"))
          .isEqualTo(throttle.retryAfter(ALICE, "192.0.2.1"));
    }

    @Test
    void overlongKeysAreCutNotStored() {
      String longKey = "a".repeat(10_000);
      fail(longKey, HOME, 5);
      assertThat(throttle.isBlocked("a".repeat(LoginThrottle.MAX_KEY_LENGTH), OFFICE)).isTrue();
    }
  }

  @Nested
  class PerAddress {

    @Test
    void twentyFailuresFromOneAddressLockIt() {
      for (int i = 0; i < 19; i++) {
        throttle.recordFailure("user" + i + "@example.com", HOME);
      }
      assertThat(throttle.isBlocked("someone@example.com", HOME)).isFalse();

      throttle.recordFailure("user19@example.com", HOME);
      assertThat(throttle.isBlocked("someone@example.com", HOME)).isTrue();
      assertThat(throttle.isBlocked("someone@example.com", OFFICE)).isFalse();
      assertThat(throttle.retryAfter("someone@example.com", HOME))
          .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theAddressLockEndsAfterTheWindow() {
      for (int i = 0; i < 20; i++) {
        throttle.recordFailure("user" + i, HOME);
      }
      clock.advance(Duration.ofMinutes(15));
      assertThat(throttle.isBlocked("user0", HOME)).isFalse();
    }

    @Test
    void retryAfterIsTheLongerOfTheTwoLocks() {
      var throttle = throttleWith(2, 2);
      throttle.recordFailure(ALICE, HOME);
      throttle.recordFailure(ALICE, HOME); // both locked until 09:15
      clock.advance(Duration.ofMinutes(5));
      throttle.recordFailure(BOB, OFFICE);
      throttle.recordFailure(BOB, OFFICE); // BOB and OFFICE locked until 09:20

      assertThat(throttle.retryAfter(ALICE, OFFICE)).isEqualTo(Duration.ofMinutes(15));
      assertThat(throttle.retryAfter(BOB, HOME)).isEqualTo(Duration.ofMinutes(15));
      assertThat(throttle.retryAfter(ALICE, HOME)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aMissingAddressCountsOnlyTheAccount() {
      fail(ALICE, null, 5);
      fail(BOB, " ", 4);
      assertThat(throttle.isBlocked(ALICE, null)).isTrue();
      assertThat(throttle.isBlocked(BOB, null)).isFalse();
      assertThat(throttle.isBlocked(null, null)).isFalse();
    }

    @Test
    void aMissingAccountCountsOnlyTheAddress() {
      var throttle = throttleWith(100, 2);
      throttle.recordFailure(null, HOME);
      throttle.recordFailure("", HOME);
      throttle.recordSuccess(null);
      assertThat(throttle.isBlocked(ALICE, HOME)).isTrue();
    }
  }

  @Test
  void retryAfterRoundsUpToWholeSeconds() {
    fail(ALICE, HOME, 5);
    clock.advance(Duration.ofMillis(14 * 60_000 + 59_001)); // 999 ms left
    assertThat(throttle.retryAfter(ALICE, HOME)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aLimitOfOneLocksOnTheFirstFailure() {
    var throttle = throttleWith(1, 1);
    throttle.recordFailure(ALICE, HOME);
    assertThat(throttle.isBlocked(ALICE, OFFICE)).isTrue();
    assertThat(throttle.isBlocked(BOB, HOME)).isTrue();
  }

  @Nested
  class Memory {

    @Test
    void sprayingAccountNamesCannotGrowItBeyondTheBound() {
      var throttle =
          new LoginThrottle(new LoginThrottleProperties(5, 20, Duration.ofMinutes(15), 500), clock);
      for (int i = 0; i < 20_000; i++) {
        throttle.recordFailure(
            "sprayed-" + i + "@example.com", "10.0." + (i / 250) + "." + i % 250);
      }
      assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void entriesAreDroppedWhenTheirWindowOrLockEnds() {
      fail(ALICE, HOME, 2);
      fail(BOB, OFFICE, 5);
      assertThat(throttle.trackedKeys()).isEqualTo(4);

      clock.advance(Duration.ofMinutes(15));
      assertThat(throttle.trackedKeys()).isZero();
    }

    @Test
    void aLockedAccountSurvivesASprayOfOneOffNames() {
      var throttle =
          new LoginThrottle(new LoginThrottleProperties(5, 20, Duration.ofMinutes(15), 500), clock);
      // Everyday traffic first: Caffeine starts counting how often keys are used once the cache
      // has been half full, and a busy service's cache is.
      for (int i = 0; i < 300; i++) {
        throttle.recordFailure("typo-" + i + "@example.com", null);
      }
      for (int i = 0; i < 5; i++) {
        throttle.isBlocked(ALICE, HOME);
        throttle.recordFailure(ALICE, HOME);
      }
      for (int i = 0; i < 5_000; i++) {
        throttle.recordFailure("sprayed-" + i + "@example.com", null);
      }
      assertThat(throttle.isBlocked(ALICE, OFFICE)).isTrue();
    }
  }

  @Test
  void propertiesFailFastNamingTheProperty() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LoginThrottleProperties(0, 20, Duration.ofMinutes(15), 10))
        .withMessage("fieldops.auth.login-throttle.max-failures-per-account must be at least 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LoginThrottleProperties(5, 0, Duration.ofMinutes(15), 10))
        .withMessageContaining("max-failures-per-address");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LoginThrottleProperties(5, 20, Duration.ZERO, 10))
        .withMessageContaining("window");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LoginThrottleProperties(5, 20, null, 10))
        .withMessageContaining("window");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LoginThrottleProperties(5, 20, Duration.ofMinutes(1), 0))
        .withMessageContaining("max-tracked-keys");
  }

  @Test
  void defaultsAreFiveTwentyAndFifteenMinutes() {
    var defaults = LoginThrottleProperties.defaults();
    assertThat(defaults.maxFailuresPerAccount()).isEqualTo(5);
    assertThat(defaults.maxFailuresPerAddress()).isEqualTo(20);
    assertThat(defaults.window()).isEqualTo(Duration.ofMinutes(15));
  }

  private LoginThrottle throttleWith(int perAccount, int perAddress) {
    return new LoginThrottle(
        new LoginThrottleProperties(perAccount, perAddress, Duration.ofMinutes(15), 1_000), clock);
  }

  /** A clock the test moves by hand, so no test sleeps. */
  static final class MutableClock extends Clock {

    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
