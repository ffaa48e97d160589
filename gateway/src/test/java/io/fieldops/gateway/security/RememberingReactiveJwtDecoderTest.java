package io.fieldops.gateway.security;

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
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class RememberingReactiveJwtDecoderTest {

  private final Instant now = Instant.parse("2026-12-02T10:00:00Z");
  private final List<String> checked = new ArrayList<>();

  /** Verifies "good-*" tokens (expiring in 15 minutes) and refuses every other, counting each. */
  private final ReactiveJwtDecoder fullCheck =
      token ->
          Mono.defer(
              () -> {
                checked.add(token);
                if (!token.startsWith("good")) {
                  return Mono.error(new BadJwtException("bad signature"));
                }
                return Mono.just(
                    Jwt.withTokenValue(token)
                        .header("alg", "RS256")
                        .subject("user")
                        .issuedAt(now)
                        .expiresAt(now.plusSeconds(900))
                        .build());
              });

  private final RememberingReactiveJwtDecoder decoder =
      new RememberingReactiveJwtDecoder(fullCheck, Clock.fixed(now, ZoneOffset.UTC));

  @Test
  void aRepeatedTokenIsCheckedInFullOnce() {
    Jwt first = decoder.decode("good-1").block();

    assertThat(decoder.decode("good-1").block()).isSameAs(first);
    assertThat(decoder.decode("good-2").block().getTokenValue()).isEqualTo("good-2");
    assertThat(checked).containsExactly("good-1", "good-2");
  }

  @Test
  void aRefusedTokenIsCheckedInFullEveryTime() {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> decoder.decode("forged").block())
          .isInstanceOf(BadJwtException.class);
    }

    assertThat(checked).containsExactly("forged", "forged", "forged");
  }
}
