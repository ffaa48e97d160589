package io.fieldops.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrganisationChoiceTest {

  @Test
  void eitherOneOrNeitherIsAChoice() {
    assertThat(OrganisationChoice.check("acme", null)).isEmpty();
    assertThat(OrganisationChoice.check(null, "John's Business")).isEmpty();
    assertThat(OrganisationChoice.check(null, null)).isEmpty();
  }

  @Test
  void blankIsAbsent() {
    assertThat(OrganisationChoice.check(" ", "John's Business")).isEmpty();
    assertThat(OrganisationChoice.check("acme", "")).isEmpty();
  }

  @Test
  void bothAreRefused() {
    assertThat(OrganisationChoice.check("acme", "John's Business"))
        .contains(OrganisationChoice.BOTH);
  }
}
