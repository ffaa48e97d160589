package io.fieldops.customer.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumbersTest {

  private final MobileNumbers numbers = new MobileNumbers();

  @Test
  void cleaningRemovesSpacesDashesAndParentheses() {
    assertThat(MobileNumbers.clean(" (081) 234-5678 ")).isEqualTo("0812345678");
    assertThat(MobileNumbers.clean("+66 81 234 5678")).isEqualTo("+66812345678");
    assertThat(MobileNumbers.clean(null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0812345678", "081-234-5678", "(081) 234 5678", "+66812345678", "+66 81-234-5678"})
  void everySpellingOfOneThaiMobileIsOneE164(String written) {
    var mobile = numbers.parse(written, "TH").orElseThrow();

    assertThat(mobile.e164()).isEqualTo("+66812345678");
    assertThat(mobile.cleaned()).isEqualTo(MobileNumbers.clean(written));
  }

  @Test
  void seed000sTenDigitNumberIsAnIndianMobile() {
    assertThat(numbers.parse("9876543210", "IN").orElseThrow().e164()).isEqualTo("+919876543210");
    assertThat(numbers.parse("9876543210", "TH")).isEmpty();
    // with its country code it is valid whatever the organisation's region
    assertThat(numbers.parse("+91 98765 43210", "TH")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "12345",
        "081234567a",
        "0812345678 ext 1",
        "++66812345678",
        "081.234.5678x",
        "0812345678901234567890123456789012"
      })
  void whatIsNotAValidNumberIsRefused(String written) {
    assertThat(numbers.parse(written, "TH")).isEmpty();
  }

  @Test
  void regionIsCaseInsensitiveButMustBeKnown() {
    assertThat(numbers.parse("0812345678", "th")).isPresent();
    assertThat(MobileNumbers.isSupportedRegion("XX")).isFalse();
    assertThatThrownBy(() -> numbers.parse("0812345678", "XX"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XX");
  }
}
