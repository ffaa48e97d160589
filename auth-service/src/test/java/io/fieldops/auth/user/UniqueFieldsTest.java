package io.fieldops.auth.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.error.ProblemException;
import java.sql.SQLException;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

class UniqueFieldsTest {

  private static DataIntegrityViolationException violation(String constraint) {
    return new DataIntegrityViolationException(
        "duplicate",
        new ConstraintViolationException("duplicate", new SQLException("23505"), constraint));
  }

  @Test
  void emailIndexAndUsernameBothNameTheEmailField() {
    for (String constraint : new String[] {"uk_app_user_email", "uk_app_user_username"}) {
      ProblemException problem = UniqueFields.fromViolation(violation(constraint));
      assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(problem.details()).isEqualTo(Map.of("email", "auth.email.taken"));
    }
  }

  @Test
  void phoneKeyIndexNamesThePhoneNumberField() {
    ProblemException problem = UniqueFields.fromViolation(violation("uk_app_user_phone_key"));

    assertThat(problem.messageKey()).isEqualTo("auth.phone.taken");
    assertThat(problem.details()).isEqualTo(Map.of("phone_number", "auth.phone.taken"));
  }

  @Test
  void anyOtherViolationIsNotDisguisedAsADuplicate() {
    DataIntegrityViolationException other = violation("fk_membership_user");

    assertThatThrownBy(() -> UniqueFields.fromViolation(other)).isSameAs(other);
  }
}
