package io.fieldops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.StaleVersionException;
import org.junit.jupiter.api.Test;

class ETagsTest {

  @Test
  void strongWeakAndBareTagsNameAVersion() {
    assertThat(ETags.version("\"3\"")).isEqualTo(3L);
    assertThat(ETags.version("W/\"12\"")).isEqualTo(12L);
    assertThat(ETags.version("3")).isEqualTo(3L);
    assertThat(ETags.version(" \"0\" ")).isZero();
  }

  @Test
  void absentBlankOrAnyMeansNoCheck() {
    assertThat(ETags.version(null)).isNull();
    assertThat(ETags.version(" ")).isNull();
    assertThat(ETags.version("*")).isNull();
  }

  @Test
  void anythingElseIsABadRequestNamingTheHeader() {
    for (String bad : new String[] {"yesterday", "\"abc\"", "-1", "W/3x"}) {
      assertThatThrownBy(() -> ETags.version(bad))
          .as(bad)
          .isInstanceOf(BadRequestException.class)
          .satisfies(
              e ->
                  assertThat(((BadRequestException) e).details())
                      .containsEntry("If-Match", ETags.INVALID));
    }
  }

  @Test
  void aVersionIsItsStrongTag() {
    assertThat(ETags.tag(7)).isEqualTo("\"7\"");
  }

  @Test
  void anOldVersionIsA412AndNoIfMatchChecksNothing() {
    ETags.requireVersion(null, 4);
    ETags.requireVersion(4L, 4);
    assertThatThrownBy(() -> ETags.requireVersion(3L, 4))
        .isInstanceOfSatisfying(
            StaleVersionException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(412);
              assertThat(e.code()).isEqualTo("stale-version");
            });
  }
}
