package io.fieldops.platform.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

  private static PhoneNumber lenient(String raw, String region) {
    return PhoneNumbers.read(raw, region, false).orElseThrow(() -> new AssertionError(raw));
  }

  @Test
  void theSeedsExamplesAreAcceptedAndKeptAsWrittenInAThaiOrganisation() {
    assertThat(lenient("9876543210", "TH")).isEqualTo(new PhoneNumber("9876543210", "9876543210"));
    assertThat(lenient("1234567890", "TH")).isEqualTo(new PhoneNumber("1234567890", "1234567890"));
    assertThat(lenient("6432033866", "TH")).isEqualTo(new PhoneNumber("6432033866", "6432033866"));
    assertThat(lenient("+15551234567", "TH"))
        .isEqualTo(new PhoneNumber("+15551234567", "+15551234567"));
  }

  @Test
  void spacesDashesDotsAndParenthesesAreRemoved() {
    assertThat(lenient("98765 43210", "IN").written()).isEqualTo("9876543210");
    assertThat(lenient("(987) 654-3210", "IN").written()).isEqualTo("9876543210");
    assertThat(lenient("987.654.3210", "IN").written()).isEqualTo("9876543210");
    assertThat(PhoneNumbers.clean(" 081 - 234.56 (78) ")).isEqualTo("0812345678");
    assertThat(PhoneNumbers.clean(null)).isNull();
  }

  @Test
  void spellingsOfOneNumberShareTheirKeyWhereItIsValidInTheRegion() {
    List<String> spellings =
        List.of("081-234-5678", "(081) 234 5678", "081.234.5678", "+66 81 234 5678", "0812345678");
    assertThat(spellings.stream().map(raw -> lenient(raw, "TH").key()))
        .containsOnly("+66812345678");
    assertThat(lenient("98765 43210", "IN").key()).isEqualTo("+919876543210");
    // not valid in Thailand: compared by its digits, however it is spaced
    assertThat(lenient("98765-43210", "TH").key()).isEqualTo("9876543210");
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad :
        List.of(
            "",
            "   ",
            "12345",
            "123456789",
            "12345678901",
            "12ab567890",
            "Tel: 0812345678",
            "081 234 5678 ext 2",
            "++66812345678",
            "+66 12",
            "1".repeat(41))) {
      assertThat(PhoneNumbers.read(bad, "TH", false)).as(bad).isEmpty();
    }
    assertThat(PhoneNumbers.read(null, "TH", false)).isEmpty();
  }

  @Test
  void aNumberValidInTheRegionIsAcceptedWhateverItsLength() {
    // a Bangkok landline: nine digits, valid in Thailand
    assertThat(lenient("02 123 4567", "TH")).isEqualTo(new PhoneNumber("021234567", "+6621234567"));
  }

  @Test
  void strictValidationAcceptsOnlyNumbersValidInTheRegion() {
    assertThat(PhoneNumbers.read("081-234-5678", "TH", true))
        .contains(new PhoneNumber("0812345678", "+66812345678"));
    assertThat(PhoneNumbers.read("02 123 4567", "TH", true)).isPresent();
    assertThat(PhoneNumbers.read("9876543210", "TH", true)).isEmpty();
    assertThat(PhoneNumbers.read("1234567890", "TH", true)).isEmpty();
    assertThat(PhoneNumbers.read("+15551234567", "TH", true)).as("fictional US range").isEmpty();
    assertThat(PhoneNumbers.read("+91 98765 43210", "TH", true))
        .contains(new PhoneNumber("+919876543210", "+919876543210"));
  }

  @Test
  void thaiDigitsAreDigits() {
    assertThat(lenient("๐๘๑๒๓๔๕๖๗๘", "TH").key()).isEqualTo("+66812345678");
    assertThat(lenient("๑๒๓๔๕๖๗๘๙๐", "TH").key()).isEqualTo("1234567890");
  }

  @Test
  void anUnknownRegionIsAConfigurationError() {
    assertThatThrownBy(() -> PhoneNumbers.read("0812345678", "XX", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XX");
    assertThat(PhoneNumbers.isSupportedRegion("th")).isTrue();
    assertThat(PhoneNumbers.isSupportedRegion(null)).isFalse();
  }
}
