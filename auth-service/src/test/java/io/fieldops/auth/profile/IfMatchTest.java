package io.fieldops.auth.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.error.BadRequestException;
import org.junit.jupiter.api.Test;

/** How the profile update reads {@code If-Match}: the version its ETag carries, or no check. */
class IfMatchTest {

  @Test
  void strongAndWeakETagsGiveTheVersion() {
    assertThat(ProfileController.version("\"3\"")).isEqualTo(3L);
    assertThat(ProfileController.version("W/\"12\"")).isEqualTo(12L);
    assertThat(ProfileController.version(" \"0\" ")).isZero();
  }

  @Test
  void absentBlankOrStarMeanNoCheck() {
    assertThat(ProfileController.version(null)).isNull();
    assertThat(ProfileController.version("  ")).isNull();
    assertThat(ProfileController.version("*")).isNull();
  }

  @Test
  void anythingElseIsA400() {
    assertThatThrownBy(() -> ProfileController.version("\"abc\""))
        .isInstanceOf(BadRequestException.class);
  }
}
