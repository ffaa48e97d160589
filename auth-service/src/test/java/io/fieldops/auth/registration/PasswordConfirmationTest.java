package io.fieldops.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordConfirmationTest {

  @Test
  void samePasswordsPass() {
    assertThat(PasswordConfirmation.check("Pass123!", "Pass123!")).isEmpty();
  }

  @Test
  void anyDifferenceIsAMismatch() {
    assertThat(PasswordConfirmation.check("Pass123!", "pass123!"))
        .contains(PasswordConfirmation.MISMATCH);
    assertThat(PasswordConfirmation.check("Pass123!", "Pass123! "))
        .contains(PasswordConfirmation.MISMATCH);
    assertThat(PasswordConfirmation.check("Pass123!", null))
        .contains(PasswordConfirmation.MISMATCH);
    assertThat(PasswordConfirmation.check(null, null)).contains(PasswordConfirmation.MISMATCH);
  }
}
