package io.fieldops.auth.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

  private final PhoneNumbers phones = new PhoneNumbers();

  @Nested
  class Normalise {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "0812345678",
          "081 234 5678",
          "081-234-5678",
          "(081) 234-5678",
          "081.234.5678",
          " 081 234 5678 ",
          "+66812345678",
          "+66 81 234 5678",
          "+66 (0)81 234 5678",
          "๐๘๑๒๓๔๕๖๗๘" // Thai digits
        })
    void thaiMobileInAnyCommonSpellingBecomesE164(String raw) {
      assertThat(phones.normalise(raw, "TH")).contains("+66812345678");
      assertThat(phones.isValid(raw, "TH")).isTrue();
    }

    @Test
    void thaiLandlineHasNineDigitsNotTen() {
      // Seed 000's "exactly 10 digits" would refuse every Bangkok landline.
      assertThat(phones.normalise("02 123 4567", "TH")).contains("+6621234567");
    }

    @Test
    void aLeadingPlusOverridesTheDefaultRegion() {
      assertThat(phones.normalise("+1 202 555 0123", "TH")).contains("+12025550123");
      assertThat(phones.normalise("+44 7911 123456", "TH")).contains("+447911123456");
    }

    @Test
    void theDefaultRegionDecidesNumbersWithoutPlus() {
      assertThat(phones.normalise("(202) 555-0123", "US")).contains("+12025550123");
      assertThat(phones.normalise("07911 123456", "GB")).contains("+447911123456");
      assertThat(phones.normalise("0812345678", "US")).isEmpty();
    }

    @Test
    void regionCodeIgnoresCase() {
      assertThat(phones.normalise("0812345678", "th")).contains("+66812345678");
    }

    @Test
    void withoutDefaultRegionOnlyInternationalNumbersParse() {
      assertThat(phones.normalise("+66812345678", null)).contains("+66812345678");
      assertThat(phones.normalise("0812345678", null)).isEmpty();
    }

    @Test
    void refusesNumbersOfTheWrongLength() {
      assertThat(phones.normalise("081234567", "TH")).isEmpty(); // one digit short
      assertThat(phones.normalise("08123456789", "TH")).isEmpty(); // one digit long
    }

    @Test
    void refusesUnallocatedRanges() {
      // US area codes never start with 1, so 123-456-7890 is no US number.
      assertThat(phones.normalise("1234567890", "US")).isEmpty();
      assertThat(phones.normalise("+1 123 456 7890", "TH")).isEmpty();
      assertThat(phones.isValid("1234567890", "US")).isFalse();
    }

    @Test
    void seed001sExamplePhoneIsValidOnlyWhereThatRangeExists() {
      // Seed 001 books with phone "1234567890" and country "USA": invalid in US and TH ...
      assertThat(phones.isValid("1234567890", "US")).isFalse();
      assertThat(phones.isValid("1234567890", "TH")).isFalse();
      // ... but an allocated range in Great Britain and India, for example.
      assertThat(phones.normalise("1234567890", "GB")).contains("+441234567890");
      assertThat(phones.normalise("1234567890", "IN")).contains("+911234567890");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "081 234 5678 ext. 12",
          "Tel: 0812345678",
          "1-800-FLOWERS",
          "081234567x",
          "+66+812345678",
          "66812345678+",
          "081/234/5678",
          "()",
          "-",
          "+"
        })
    void refusesLettersExtensionsAndStraySymbols(String raw) {
      assertThat(phones.normalise(raw, "TH")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesNothing(String raw) {
      assertThat(phones.normalise(raw, "TH")).isEmpty();
      assertThat(phones.isValid(raw, "TH")).isFalse();
    }

    @Test
    void refusesOverlongInput() {
      String padded = "0812345678" + " ".repeat(PhoneNumbers.MAX_RAW_LENGTH);
      assertThat(phones.normalise("081 234 5678", "TH")).isPresent();
      assertThat(phones.normalise(" ".repeat(PhoneNumbers.MAX_RAW_LENGTH) + "0812345678", "TH"))
          .isEmpty();
      assertThat(phones.normalise(padded, "TH")).isEmpty();
    }

    @Test
    void anUnknownDefaultRegionIsAConfigurationError() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> phones.normalise("0812345678", "XX"))
          .withMessageContaining("'XX'");
      assertThatIllegalArgumentException().isThrownBy(() -> phones.normalise("0812345678", "THA"));
    }
  }

  @Nested
  class NormaliseLenient {

    @Test
    void acceptsSeed001sExampleAsAPossibleNumber() {
      assertThat(phones.normaliseLenient("1234567890", "US")).contains("+11234567890");
      assertThat(phones.normaliseLenient("1234567890", "TH")).contains("+661234567890");
    }

    @Test
    void givesTheSameAnswerAsStrictForValidNumbers() {
      assertThat(phones.normaliseLenient("081-234-5678", "TH")).contains("+66812345678");
    }

    @Test
    void stillRefusesImpossibleLengthsAndJunk() {
      assertThat(phones.normaliseLenient("12345", "US")).isEmpty();
      assertThat(phones.normaliseLenient("123456789012345678", "TH")).isEmpty();
      assertThat(phones.normaliseLenient("1-800-FLOWERS", "US")).isEmpty();
      assertThat(phones.normaliseLenient(null, "TH")).isEmpty();
    }
  }

  @Test
  void supportedRegions() {
    assertThat(PhoneNumbers.isSupportedRegion("TH")).isTrue();
    assertThat(PhoneNumbers.isSupportedRegion("us")).isTrue();
    assertThat(PhoneNumbers.isSupportedRegion("XX")).isFalse();
    assertThat(PhoneNumbers.isSupportedRegion("ZZ")).isFalse();
    assertThat(PhoneNumbers.isSupportedRegion(null)).isFalse();
  }
}
