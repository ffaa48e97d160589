package io.fieldops.auth.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyRotationPolicyTest {

  private final KeyRotationPolicy policy = new KeyRotationPolicy(Duration.ofMinutes(15));
  private final Instant now = Instant.parse("2026-01-01T12:00:00Z");

  @Test
  void aRetiredKeyStaysPublishedUntilItsLastTokenExpiredPlusClockSkew() {
    Instant cutoff = policy.publishRetiredAfter(now);

    assertThat(cutoff).isEqualTo(Instant.parse("2026-01-01T11:44:00Z"));
  }

  @Test
  void aKeyRetiredJustNowIsStillPublished() {
    assertThat(now.minusSeconds(1)).isAfter(policy.publishRetiredAfter(now));
  }
}
