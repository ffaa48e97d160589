package io.fieldops.auth.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyRotationPolicyTest {

  private final KeyRotationPolicy policy =
      new KeyRotationPolicy(Duration.ofMinutes(15), Duration.ofDays(30));
  private final Instant now = Instant.parse("2026-01-01T12:00:00Z");

  @Test
  void aRetiredKeyStaysPublishedUntilItsLastTokenExpiredPlusClockSkewAndReplicaCache() {
    Instant cutoff = policy.publishRetiredAfter(now);

    // 15 min token lifetime + 1 min skew + 5 min during which another replica may still sign
    assertThat(cutoff).isEqualTo(Instant.parse("2026-01-01T11:39:00Z"));
  }

  @Test
  void aKeyIsDueForRotationAtItsMaximumAge() {
    assertThat(policy.isDue(now.minus(Duration.ofDays(30)), now)).isTrue();
    assertThat(policy.isDue(now.minus(Duration.ofDays(31)), now)).isTrue();
    assertThat(policy.isDue(now.minus(Duration.ofDays(30)).plusSeconds(1), now)).isFalse();
    assertThat(policy.isDue(now, now)).isFalse();
  }

  @Test
  void aKeyRetiredNowLeavesTheJwksWhenTheCutoffPassesIt() {
    Instant until = policy.publishedUntil(now);

    assertThat(until).isEqualTo(Instant.parse("2026-01-01T12:21:00Z"));
    assertThat(policy.publishRetiredAfter(until)).isEqualTo(now);
  }

  @Test
  void aKeyRetiredJustNowIsStillPublished() {
    assertThat(now.minusSeconds(1)).isAfter(policy.publishRetiredAfter(now));
  }
}
