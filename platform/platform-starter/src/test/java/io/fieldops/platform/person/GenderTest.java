package io.fieldops.platform.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.error.BadRequestException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenderTest {

  @Test
  void theThreeValuesAreReadInAnyCaseAndKeptLowercase() {
    assertThat(Gender.read("male", "gender")).isEqualTo("male");
    assertThat(Gender.read(" Female ", "gender")).isEqualTo("female");
    assertThat(Gender.read("OTHER", "gender")).isEqualTo("other");
  }

  @Test
  void blankOrAbsentIsNotGiven() {
    assertThat(Gender.read(null, "gender")).isNull();
    assertThat(Gender.read("", "gender")).isNull();
    assertThat(Gender.read("  ", "gender")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"BOGUS_VALUE", "12345", "m", "males", "ชาย", "male\u0000"})
  void anythingElseIsRefusedNamingTheMember(String text) {
    assertThatThrownBy(() -> Gender.read(text, "gender"))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("fieldops.problem.invalid-enum-value");
              assertThat(e.args()).containsExactly("gender", "male, female, other");
              assertThat(e.details()).isEqualTo(Map.of("gender", Gender.INVALID));
            });
  }
}
