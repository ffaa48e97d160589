package io.fieldops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.error.BadRequestException;
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
}
