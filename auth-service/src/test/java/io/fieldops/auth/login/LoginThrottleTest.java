package io.fieldops.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The login throttle's rule, driven by a clock the test moves (no Spring, no sleeping). Defaults: 5
 * free failures per account and source, then 1 s doubling up to 15 min, forgotten 1 h after the
 * last; familiar addresses for 30 days; 20 failures per address in 15 min lock it for 15 min.
 */
class LoginThrottleTest {

  private static final String ALICE = "user:8a1d1c7e-0000-4000-8000-000000000001";
  private static final String BOB = "user:8a1d1c7e-0000-4000-8000-000000000002";
  private static final String HOME = "203.0.113.7";
  private static final String OFFICE = "198.51.100.20";
  private static final String CAFE = "192.0.2.44";
  private static final String ATTACKER = "100.64.9.9";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  private final LoginThrottle throttle =
      new LoginThrottle(LoginThrottleProperties.defaults(), clock);

  private void fail(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.recordFailure(account, address);
    }
  }

  /** Fails whenever allowed, waiting out each delay: what a patient guesser does. */
  private void failPatiently(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      clock.advance(throttle.retryAfter(account, address));
      assertThat(throttle.isBlocked(account, address)).isFalse();
      throttle.recordFailure(account, address);
    }
  }

  /** A different address for every attempt: a botnet, so that only the account rule applies. */
  private static String bot(int i) {
    return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
  }

  @Nested
  class RisingDelay {

    @Test
    void fourFailuresNeedNoWaitingTheFifthStartsTheDelay() {
      fail(ALICE, null, 4);
      assertThat(throttle.isBlocked(ALICE, null)).isFalse();
      assertThat(throttle.retryAfter(ALICE, null)).isZero();

      throttle.recordFailure(ALICE, null);
      assertThat(throttle.isBlocked(ALICE, null)).isTrue();
      assertThat(throttle.retryAfter(ALICE, null)).isEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "after failure {0}: wait {1} s")
    @CsvSource({
      "1, 0",
      "2, 0",
      "3, 0",
      "4, 0",
      "5, 1",
      "6, 2",
      "7, 4",
      "8, 8",
      "9, 16",
      "10, 32",
      "11, 64",
      "12, 128",
      "13, 256",
      "14, 512",
      "15, 900",
      "16, 900",
      "40, 900",
      "100, 900",
      "2147483647, 900"
    })
    void theWaitDoublesWithEveryFailureUpToFifteenMinutes(int failures, long seconds) {
      assertThat(throttle.delayAfter(failures)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void eachAttemptWaitsTwiceAsLongAsTheOneBefore() {
      fail(ALICE, null, 5);
      long[] expected = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900};
      for (long seconds : expected) {
        assertThat(throttle.retryAfter(ALICE, null)).isEqualTo(Duration.ofSeconds(seconds));
        clock.advance(Duration.ofSeconds(seconds).minusMillis(1));
        assertThat(throttle.isBlocked(ALICE, null)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.isBlocked(ALICE, null)).isFalse();
        throttle.recordFailure(ALICE, null);
      }
    }

    @Test
    void theWaitFollowsTheAccountToEveryUnfamiliarAddress() {
      fail(ALICE, HOME, 5);
      assertThat(throttle.isBlocked(ALICE, OFFICE)).isTrue();
      assertThat(throttle.isBlocked(ALICE, null)).isTrue();
    }

    @Test
    void otherAccountsAreNotAffected() {
      fail(ALICE, null, 12);
      assertThat(throttle.isBlocked(BOB, null)).isFalse();
    }

    @Test
    void askingDoesNotCount() {
      fail(ALICE, null, 5);
      for (int i = 0; i < 100; i++) {
        assertThat(throttle.isBlocked(ALICE, null)).isTrue();
      }
      clock.advance(Duration.ofSeconds(1));
      assertThat(throttle.isBlocked(ALICE, null)).isFalse();
      throttle.recordFailure(ALICE, null); // the 6th
      assertThat(throttle.retryAfter(ALICE, null)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aFailureThatSlippedInDuringAWaitCountsAndWaitsFromItself() {
      // Two requests that passed the check together both fail: both were real guesses.
      fail(ALICE, null, 6);
      assertThat(throttle.retryAfter(ALICE, null)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLastOne() {
      failPatiently(ALICE, null, 10);
      clock.advance(Duration.ofHours(1).minusMillis(1));
      throttle.recordFailure(ALICE, null); // the 11th
      assertThat(throttle.retryAfter(ALICE, null)).isEqualTo(Duration.ofSeconds(64));

      clock.advance(Duration.ofHours(1));
      throttle.recordFailure(ALICE, null); // the first again
      assertThat(throttle.isBlocked(ALICE, null)).isFalse();
    }

    @Test
    void waitingOutTheLongestDelayDoesNotStartAfresh() {
      failPatiently(ALICE, null, 20);
      clock.advance(Duration.ofMinutes(15));
      throttle.recordFailure(ALICE, null);
      assertThat(throttle.retryAfter(ALICE, null)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aGuesserWithManyAddressesGets109GuessesADayAtMost() {
      // 5 at once, then after 1, 2, 4 ... 512 s (at 1023 s the 15th), then one every 15 minutes.
      Instant end = clock.instant().plus(Duration.ofDays(1));
      int guesses = 0;
      while (clock.instant().isBefore(end)) {
        String from = bot(guesses);
        if (throttle.isBlocked(ALICE, from)) {
          clock.advance(throttle.retryAfter(ALICE, from));
          continue;
        }
        throttle.recordFailure(ALICE, from);
        guesses++;
      }
      assertThat(guesses).isEqualTo(109);
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
      fail(ALICE, null, 14); // 512 s
      clock.advance(Duration.ofMillis(511_001)); // 999 ms left
      assertThat(throttle.retryAfter(ALICE, null)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void oneFreeFailureDelaysFromTheFirst() {
      var strict = throttleWith(1, 20, Duration.ofDays(30));
      strict.recordFailure(ALICE, HOME);
      assertThat(strict.retryAfter(ALICE, OFFICE)).isEqualTo(Duration.ofSeconds(1));
    }
  }

  @Nested
  class AccountKeys {

    @Test
    void ignoreCaseAndSurroundingSpace() {
      fail(" Email:Alice@Example.COM ", null, 3);
      fail("email:alice@example.com", null, 2);
      assertThat(throttle.isBlocked("EMAIL:ALICE@example.com", OFFICE)).isTrue();
    }

    @Test
    void unknownAccountsAreDelayedExactlyLikeKnownOnes() {
      // The throttle knows no users: what it is given is the key, so the answers for an account
      // that does not exist are the same as for one that does.
      fail("email:nobody-here@example.com", HOME, 7);
      fail(ALICE, OFFICE, 7);
      assertThat(throttle.retryAfter("email:nobody-here@example.com", CAFE))
          .isEqualTo(throttle.retryAfter(ALICE, CAFE))
          .isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void overlongKeysAreCutNotStored() {
      String longKey = "a".repeat(10_000);
      fail(longKey, null, 5);
      assertThat(throttle.isBlocked("a".repeat(LoginThrottle.MAX_KEY_LENGTH), OFFICE)).isTrue();
    }
  }

  @Nested
  class FamiliarAddresses {

    @Test
    void anAttackerElsewhereDoesNotDelayTheOwnerAtAFamiliarAddress() {
      throttle.recordSuccess(ALICE, HOME);
      failPatiently(ALICE, ATTACKER, 30);

      assertThat(throttle.isBlocked(ALICE, HOME)).isFalse();
      assertThat(throttle.isBlocked(ALICE, ATTACKER)).isTrue();
      assertThat(throttle.isBlocked(ALICE, OFFICE)).isTrue();
    }

    @Test
    void noAttackerCanKeepTheOwnerOutForAWeek() {
      throttle.recordSuccess(ALICE, HOME);
      Instant end = clock.instant().plus(Duration.ofDays(7));
      int attempts = 0;
      while (clock.instant().isBefore(end)) {
        // The attacker fails the moment the delay allows, from everywhere but the owner's home.
        String from = bot(attempts);
        if (throttle.isBlocked(ALICE, from)) {
          clock.advance(throttle.retryAfter(ALICE, from));
          continue;
        }
        throttle.recordFailure(ALICE, from);
        attempts++;
        assertThat(throttle.isBlocked(ALICE, HOME)).isFalse();
        if (attempts % 50 == 0) {
          throttle.recordSuccess(ALICE, HOME); // the owner logs in now and then
        }
      }
      // 5 free, 10 rising, then one per 15 minutes: the owner's logins reset nothing for them.
      assertThat(attempts).isEqualTo(15 + (7 * 86_400 - 1_023 - 1) / 900);
    }

    @Test
    void failuresAtAFamiliarAddressAreCountedApart() {
      throttle.recordSuccess(ALICE, HOME);
      fail(ALICE, HOME, 5);
      assertThat(throttle.retryAfter(ALICE, HOME)).isEqualTo(Duration.ofSeconds(1));
      assertThat(throttle.isBlocked(ALICE, OFFICE)).isFalse();
    }

    @Test
    void aFamiliarAddressHasARisingDelayOfItsOwn() {
      // Someone behind the owner's own address (an office NAT) is still slowed down.
      throttle.recordSuccess(ALICE, OFFICE);
      failPatiently(ALICE, OFFICE, 12);
      assertThat(throttle.retryAfter(ALICE, OFFICE)).isEqualTo(Duration.ofSeconds(128));
    }

    @Test
    void successAtAFamiliarAddressForgetsOnlyItsOwnFailures() {
      throttle.recordSuccess(ALICE, HOME);
      fail(ALICE, HOME, 4);
      fail(ALICE, ATTACKER, 6);
      clock.advance(Duration.ofSeconds(2));

      throttle.recordSuccess(ALICE, HOME);

      throttle.recordFailure(ALICE, HOME);
      assertThat(throttle.isBlocked(ALICE, HOME)).isFalse(); // one failure, not five
      throttle.recordFailure(ALICE, ATTACKER);
      assertThat(throttle.retryAfter(ALICE, ATTACKER)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void successFromANewAddressForgetsTheOthersFailuresAndMakesItFamiliar() {
      fail(ALICE, OFFICE, 4);
      throttle.recordSuccess(ALICE, CAFE);

      fail(ALICE, OFFICE, 4);
      assertThat(throttle.isBlocked(ALICE, OFFICE)).isFalse();
      fail(ALICE, ATTACKER, 8);
      assertThat(throttle.isBlocked(ALICE, CAFE)).isFalse();
    }

    @Test
    void anAddressStaysFamiliarForThirtyDaysAfterTheLastLogin() {
      throttle.recordSuccess(ALICE, HOME);
      clock.advance(Duration.ofDays(20));
      throttle.recordSuccess(ALICE, HOME); // renews
      clock.advance(Duration.ofDays(30).minusMillis(1));
      fail(ALICE, ATTACKER, 5);
      assertThat(throttle.isBlocked(ALICE, HOME)).isFalse();

      clock.advance(Duration.ofMillis(1));
      assertThat(throttle.isBlocked(ALICE, HOME)).isTrue();
    }

    @Test
    void theFourMostRecentAddressesAreFamiliar() {
      List<String> addresses = List.of(HOME, OFFICE, CAFE, "192.0.2.45", "192.0.2.46");
      for (String address : addresses) {
        throttle.recordSuccess(ALICE, address);
        clock.advance(Duration.ofMinutes(1));
      }
      fail(ALICE, ATTACKER, 5);

      assertThat(throttle.isBlocked(ALICE, HOME)).isTrue();
      for (String address : addresses.subList(1, 5)) {
        assertThat(throttle.isBlocked(ALICE, address)).as(address).isFalse();
      }
    }

    @Test
    void familiarityIsPerAccount() {
      throttle.recordSuccess(BOB, HOME);
      fail(ALICE, ATTACKER, 5);
      assertThat(throttle.isBlocked(ALICE, HOME)).isTrue();
    }

    @Test
    void anIpv6AddressIsFamiliarWithItsWholeSlash64() {
      throttle.recordSuccess(ALICE, "2001:db8:1:2::10");
      fail(ALICE, ATTACKER, 5);
      assertThat(throttle.isBlocked(ALICE, "2001:db8:1:2:aaaa::99")).isFalse();
      assertThat(throttle.isBlocked(ALICE, "2001:db8:1:3::10")).isTrue();
    }

    @Test
    void zeroTurnsFamiliarAddressesOff() {
      var plain = throttleWith(5, 20, Duration.ZERO);
      plain.recordSuccess(ALICE, HOME);
      for (int i = 0; i < 5; i++) {
        plain.recordFailure(ALICE, ATTACKER);
      }
      assertThat(plain.isBlocked(ALICE, HOME)).isTrue();
    }

    @Test
    void withoutAnAddressASuccessForgetsTheFailuresJudgedBy() {
      fail(ALICE, null, 4);
      throttle.recordSuccess(ALICE, null);
      fail(ALICE, null, 4);
      assertThat(throttle.isBlocked(ALICE, null)).isFalse();
    }
  }

  @Nested
  class PerAddress {

    @Test
    void twentyFailuresFromOneAddressLockIt() {
      for (int i = 0; i < 19; i++) {
        throttle.recordFailure("email:user" + i + "@example.com", HOME);
      }
      assertThat(throttle.isBlocked("email:someone@example.com", HOME)).isFalse();

      throttle.recordFailure("email:user19@example.com", HOME);
      assertThat(throttle.isBlocked("email:someone@example.com", HOME)).isTrue();
      assertThat(throttle.isBlocked("email:someone@example.com", OFFICE)).isFalse();
      assertThat(throttle.retryAfter("email:someone@example.com", HOME))
          .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theLockAppliesAtFamiliarAddressesToo() {
      throttle.recordSuccess(ALICE, HOME);
      for (int i = 0; i < 20; i++) {
        throttle.recordFailure("email:user" + i + "@example.com", HOME);
      }
      assertThat(throttle.isBlocked(ALICE, HOME)).isTrue();
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
    void theLockEndsOneWindowAfterTheFailureThatReachedTheLimit() {
      for (int i = 0; i < 19; i++) {
        throttle.recordFailure("user" + i, HOME);
      }
      clock.advance(Duration.ofMinutes(10));
      throttle.recordFailure("user19", HOME);
      clock.advance(Duration.ofMinutes(14));
      assertThat(throttle.retryAfter("someone", HOME)).isEqualTo(Duration.ofMinutes(1));
      clock.advance(Duration.ofMinutes(1));
      assertThat(throttle.isBlocked("someone", HOME)).isFalse();
    }

    @Test
    void failuresWhileLockedDoNotExtendTheLock() {
      for (int i = 0; i < 20; i++) {
        throttle.recordFailure("user" + i, HOME);
      }
      clock.advance(Duration.ofMinutes(10));
      throttle.recordFailure("late", HOME);
      assertThat(throttle.retryAfter("someone", HOME)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
      for (int i = 0; i < 19; i++) {
        throttle.recordFailure("user" + i, HOME);
      }
      clock.advance(Duration.ofMinutes(15));
      throttle.recordFailure("user19", HOME);
      assertThat(throttle.isBlocked("someone", HOME)).isFalse();
    }

    @Test
    void successDoesNotClearTheAddressCount() {
      // An attacker must not reset their address by logging in to an account of their own.
      var throttle = throttleWith(100, 3, Duration.ofDays(30));
      throttle.recordFailure("victim1", HOME);
      throttle.recordFailure("victim2", HOME);
      throttle.recordSuccess("attacker", HOME);
      throttle.recordFailure("victim3", HOME);
      assertThat(throttle.isBlocked("attacker", HOME)).isTrue();
    }

    @Test
    void retryAfterIsTheLongerOfTheAccountsAndTheAddresss() {
      for (int i = 0; i < 20; i++) {
        throttle.recordFailure("user" + i, HOME); // HOME locked for 15 min
      }
      fail(ALICE, OFFICE, 5); // ALICE waits 1 s
      assertThat(throttle.retryAfter(ALICE, HOME)).isEqualTo(Duration.ofMinutes(15));
      assertThat(throttle.retryAfter(ALICE, CAFE)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
      var throttle = throttleWith(100, 3, Duration.ofDays(30));
      throttle.recordFailure("a", "2001:db8:1:2::1");
      throttle.recordFailure("b", "2001:db8:1:2::2");
      throttle.recordFailure("c", "[2001:db8:1:2:ffff::3]");
      assertThat(throttle.isBlocked("d", "2001:db8:1:2:1234::")).isTrue();
      assertThat(throttle.isBlocked("d", "2001:db8:1:3::1")).isFalse();
    }

    @Test
    void oneAddressHasOneCountHoweverItIsWritten() {
      var throttle = throttleWith(100, 2, Duration.ofDays(30));
      throttle.recordFailure("a", "203.0.113.7");
      throttle.recordFailure("b", "::ffff:203.0.113.7");
      assertThat(throttle.isBlocked("c", " 203.0.113.7 ")).isTrue();
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
      var throttle = throttleWith(100, 2, Duration.ofDays(30));
      throttle.recordFailure(null, HOME);
      throttle.recordFailure("", HOME);
      throttle.recordSuccess(null, HOME);
      assertThat(throttle.isBlocked(ALICE, HOME)).isTrue();
    }

    @Test
    void aLimitOfOneLocksOnTheFirstFailure() {
      var throttle = throttleWith(1, 1, Duration.ofDays(30));
      throttle.recordFailure(ALICE, HOME);
      assertThat(throttle.isBlocked(BOB, HOME)).isTrue();
    }
  }

  @Nested
  class Memory {

    @Test
    void sprayingAccountNamesCannotGrowItBeyondTheBound() {
      var throttle = new LoginThrottle(withMaxKeys(500), clock);
      for (int i = 0; i < 20_000; i++) {
        throttle.recordFailure("email:sprayed-" + i + "@example.com", bot(i));
      }
      assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void failuresAreDroppedWhenForgottenAddressesWhenTheirWindowEnds() {
      fail(ALICE, HOME, 2);
      fail(BOB, OFFICE, 5);
      assertThat(throttle.trackedKeys()).isEqualTo(4);

      clock.advance(Duration.ofMinutes(15));
      assertThat(throttle.trackedKeys()).isEqualTo(2); // the addresses' windows ended
      clock.advance(Duration.ofMinutes(45));
      assertThat(throttle.trackedKeys()).isZero(); // the accounts' failures are forgotten
    }

    @Test
    void aFamiliarAddressIsKeptUntilItExpires() {
      throttle.recordSuccess(ALICE, HOME);
      clock.advance(Duration.ofDays(30).minusMillis(1));
      assertThat(throttle.trackedKeys()).isEqualTo(1);
      // Caffeine files a month-long expiry in a coarse bucket of its timer wheel and drops the
      // entry when that bucket's time has passed (within about a minute here); reads see the
      // exact expiry meanwhile (anAddressStaysFamiliarForThirtyDaysAfterTheLastLogin).
      clock.advance(Duration.ofMinutes(2));
      assertThat(throttle.trackedKeys()).isZero();
    }

    @Test
    void aSuccessWithNothingToRememberLeavesNothing() {
      fail(ALICE, null, 3);
      throttle.recordSuccess(ALICE, null);
      assertThat(throttle.trackedKeys()).isZero();
    }

    @Test
    void aDelayedAccountSurvivesASprayOfOneOffNames() {
      var throttle = new LoginThrottle(withMaxKeys(500), clock);
      // Everyday traffic first: Caffeine starts counting how often keys are used once the cache
      // has been half full, and a busy service's cache is.
      for (int i = 0; i < 300; i++) {
        throttle.recordFailure("email:typo-" + i + "@example.com", null);
      }
      for (int i = 0; i < 5; i++) {
        throttle.isBlocked(ALICE, HOME);
        throttle.recordFailure(ALICE, HOME);
      }
      for (int i = 0; i < 5_000; i++) {
        throttle.recordFailure("email:sprayed-" + i + "@example.com", null);
      }
      assertThat(throttle.isBlocked(ALICE, OFFICE)).isTrue();
    }
  }

  @Nested
  class Properties {

    @Test
    void defaults() {
      var defaults = LoginThrottleProperties.defaults();
      assertThat(defaults.freeFailuresPerAccount()).isEqualTo(5);
      assertThat(defaults.firstDelay()).isEqualTo(Duration.ofSeconds(1));
      assertThat(defaults.maxDelay()).isEqualTo(Duration.ofMinutes(15));
      assertThat(defaults.forgetFailuresAfter()).isEqualTo(Duration.ofHours(1));
      assertThat(defaults.familiarAddressFor()).isEqualTo(Duration.ofDays(30));
      assertThat(defaults.maxFailuresPerAddress()).isEqualTo(20);
      assertThat(defaults.addressWindow()).isEqualTo(Duration.ofMinutes(15));
      assertThat(defaults.trustedProxies()).containsExactly("127.0.0.0/8", "::1/128");
    }

    @Test
    void failFastNamingTheProperty() {
      Duration s = Duration.ofSeconds(1);
      Duration m = Duration.ofMinutes(15);
      Duration h = Duration.ofHours(1);
      Duration d = Duration.ofDays(30);
      List<String> lo = List.of("127.0.0.1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LoginThrottleProperties(0, s, m, h, d, 20, m, 10, lo))
          .withMessage("fieldops.auth.login-throttle.free-failures-per-account must be at least 1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LoginThrottleProperties(5, Duration.ZERO, m, h, d, 20, m, 10, lo))
          .withMessageContaining("first-delay");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LoginThrottleProperties(5, null, m, h, d, 20, m, 10, lo))
          .withMessageContaining("first-delay");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LoginThrottleProperties(5, m, s, h, d, 20, m, 10, lo))
          .withMessageContaining("max-delay");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LoginThrottleProperties(5, s, m, m, d, 20, m, 10, lo))
          .withMessageContaining("forget-failures-after must be longer than max-delay");
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> new LoginThrottleProperties(5, s, m, h, Duration.ofDays(-1), 20, m, 10, lo))
          .withMessageContaining("familiar-address-for");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LoginThrottleProperties(5, s, m, h, d, 0, m, 10, lo))
          .withMessageContaining("max-failures-per-address");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LoginThrottleProperties(5, s, m, h, d, 20, Duration.ZERO, 10, lo))
          .withMessageContaining("address-window");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LoginThrottleProperties(5, s, m, h, d, 20, m, 0, lo))
          .withMessageContaining("max-tracked-keys");
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> new LoginThrottleProperties(5, s, m, h, d, 20, m, 10, List.of("gateway")))
          .withMessageStartingWith("fieldops.auth.login-throttle.trusted-proxies: ")
          .withMessageContaining("'gateway'");
    }
  }

  private LoginThrottle throttleWith(int freePerAccount, int perAddress, Duration familiarFor) {
    return new LoginThrottle(
        new LoginThrottleProperties(
            freePerAccount,
            Duration.ofSeconds(1),
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            familiarFor,
            perAddress,
            Duration.ofMinutes(15),
            1_000,
            List.of()),
        clock);
  }

  private static LoginThrottleProperties withMaxKeys(int maxTrackedKeys) {
    var d = LoginThrottleProperties.defaults();
    return new LoginThrottleProperties(
        d.freeFailuresPerAccount(),
        d.firstDelay(),
        d.maxDelay(),
        d.forgetFailuresAfter(),
        d.familiarAddressFor(),
        d.maxFailuresPerAddress(),
        d.addressWindow(),
        maxTrackedKeys,
        d.trustedProxies());
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
