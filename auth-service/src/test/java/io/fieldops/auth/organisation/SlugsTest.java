package io.fieldops.auth.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

  @Test
  void seed004NameBecomesALowerCaseHyphenatedSlug() {
    assertThat(Slugs.of("John's Business")).isEqualTo("johns-business");
  }

  @Test
  void accentsAreDroppedAndRunsOfOtherCharactersBecomeOneHyphen() {
    assertThat(Slugs.of("  Café -- Crème & Co.  ")).isEqualTo("cafe-creme-co");
  }

  @Test
  void nothingUsableLeftGivesAFixedSlug() {
    assertThat(Slugs.of("บริษัท")).isEqualTo("org");
    assertThat(Slugs.of(null)).isEqualTo("org");
  }

  @Test
  void longNamesAreCutWithoutATrailingHyphen() {
    String slug = Slugs.of("a".repeat(49) + " bcd");
    assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
  }

  @Test
  void everySlugMatchesTheDatabaseCheck() {
    for (String name : new String[] {"John's Business", "-x-", "A1 B2", "O'Neil & Sons Ltd."}) {
      assertThat(Slugs.of(name)).matches("[a-z0-9][a-z0-9-]*");
    }
  }
}
