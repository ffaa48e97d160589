package io.fieldops.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.error.BadRequestException;
import org.junit.jupiter.api.Test;

class ETagsTest {

  @Test
  void strongWeakAndBareTagsNameAVersion() {
    assertThat(ETags.version("\"3\"")).isEqualTo(3);
    assertThat(ETags.version("W/\"3\"")).isEqualTo(3);
    assertThat(ETags.version("3")).isEqualTo(3);
  }

  @Test
  void absentBlankOrAnyMeansNoCheck() {
    assertThat(ETags.version(null)).isNull();
    assertThat(ETags.version(" ")).isNull();
    assertThat(ETags.version("*")).isNull();
  }

  @Test
  void anythingElseIsABadRequestNamingTheHeader() {
    assertThatThrownBy(() -> ETags.version("yesterday"))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((BadRequestException) e).details()).containsKey("If-Match"));
  }
}
