package io.fieldops.platform.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  /** A token as the cache sees it: its text and its own expiry. */
  record Token(String text, Instant expiresAt) {}

  private Instant now = Instant.parse("2026-12-02T10:00:00Z");
  private final VerifiedTokens<Token> tokens =
      new VerifiedTokens<>(100, Duration.ofSeconds(60), Token::expiresAt, () -> now);

  @Test
  void aVerifiedTokenIsFoundByItsExactTextOnly() {
    Token token = new Token("aaa.bbb.ccc", now.plusSeconds(900));
    assertThat(tokens.remember(token.text(), token)).isSameAs(token);

    assertThat(tokens.find("aaa.bbb.ccc")).containsSame(token);
    // another signature over the same header and claims is another text: not verified
    assertThat(tokens.find("aaa.bbb.ccd")).isEmpty();
    assertThat(tokens.find("aaa.bbb.cc")).isEmpty();
  }

  @Test
  void aTokenPastItsOwnExpiryIsNotFoundEvenWithinTheMaximumAge() {
    Token token = new Token("t", now.plusSeconds(20));
    tokens.remember(token.text(), token);

    advance(Duration.ofSeconds(19));
    assertThat(tokens.find("t")).containsSame(token);
    advance(Duration.ofSeconds(1));
    assertThat(tokens.find("t")).isEmpty();
    // and it stays gone: the full check decides from now on
    now = now.minusSeconds(5);
    assertThat(tokens.find("t")).isEmpty();
  }

  @Test
  void aTokenIsHonouredWithoutAFullCheckForTheMaximumAgeAtMost() {
    Token token = new Token("long-lived", now.plusSeconds(3600));
    tokens.remember(token.text(), token);

    advance(Duration.ofSeconds(59));
    assertThat(tokens.find("long-lived")).containsSame(token);
    advance(Duration.ofSeconds(2));
    assertThat(tokens.find("long-lived")).isEmpty();
  }

  @Test
  void aTokenWithoutExpiryIsKeptForTheMaximumAge() {
    Token token = new Token("no-exp", null);
    tokens.remember(token.text(), token);

    assertThat(tokens.find("no-exp")).containsSame(token);
    advance(Duration.ofSeconds(61));
    assertThat(tokens.find("no-exp")).isEmpty();
  }

  private void advance(Duration by) {
    now = now.plus(by);
  }
}
