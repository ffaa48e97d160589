package io.fieldops.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefreshTokensTest {

  @Test
  void onlyTheSha256OfATokenIsStored() {
    assertThat(RefreshTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void theRefusalIsA401WithoutDetail() {
    assertThat(RefreshTokens.invalid().status().value()).isEqualTo(401);
    assertThat(RefreshTokens.invalid().messageKey()).isEqualTo("auth.refresh.invalid");
  }

  @Test
  void tokenPairsNeverPrintTheirTokens() {
    assertThat(new TokenPair("secret-access", "secret-refresh").toString())
        .doesNotContain("secret");
  }
}
