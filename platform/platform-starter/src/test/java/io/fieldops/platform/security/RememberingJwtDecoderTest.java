package io.fieldops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RememberingJwtDecoderTest {

  private final Instant now = Instant.parse("2026-12-02T10:00:00Z");
  private final List<String> checked = new ArrayList<>();

  /** Verifies "good-*" tokens (expiring in 15 minutes) and refuses every other, counting each. */
  private final JwtDecoder fullCheck =
      token -> {
        checked.add(token);
        if (!token.startsWith("good")) {
          throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
            .header("alg", "RS256")
            .subject("user")
            .issuedAt(now)
            .expiresAt(now.plusSeconds(900))
            .build();
      };

  private RememberingJwtDecoder decoderAt(Instant instant) {
    return new RememberingJwtDecoder(fullCheck, Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void aRepeatedTokenIsCheckedInFullOnce() {
    RememberingJwtDecoder decoder = decoderAt(now);

    Jwt first = decoder.decode("good-1");
    Jwt again = decoder.decode("good-1");
    decoder.decode("good-2");

    assertThat(again).isSameAs(first);
    assertThat(checked).containsExactly("good-1", "good-2");
  }

  @Test
  void aRefusedTokenIsCheckedInFullEveryTime() {
    RememberingJwtDecoder decoder = decoderAt(now);

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
    }

    assertThat(checked).containsExactly("forged", "forged", "forged");
  }

  @Test
  void everyJwtDecoderBeanIsWrappedOnce() {
    var wrapper = RememberingJwtDecoder.wrapper();

    Object wrapped = wrapper.postProcessAfterInitialization(fullCheck, "jwtDecoder");
    assertThat(wrapped).isInstanceOf(RememberingJwtDecoder.class);
    assertThat(wrapper.postProcessAfterInitialization(wrapped, "jwtDecoder")).isSameAs(wrapped);
    Object other = new Object();
    assertThat(wrapper.postProcessAfterInitialization(other, "other")).isSameAs(other);
  }
}
