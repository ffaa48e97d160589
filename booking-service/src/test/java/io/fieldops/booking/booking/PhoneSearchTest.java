package io.fieldops.booking.booking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneSearchTest {

  @Test
  void everySpellingOfANumberLooksForItsNationalDigits() {
    assertThat(PhoneSearch.nationalDigits("081-234-5670")).isEqualTo("812345670");
    assertThat(PhoneSearch.nationalDigits("(081) 234 5670")).isEqualTo("812345670");
    assertThat(PhoneSearch.nationalDigits("+66 81 234 5670")).isEqualTo("812345670");
    assertThat(PhoneSearch.nationalDigits("1234567890")).isEqualTo("1234567890");
    assertThat(PhoneSearch.nationalDigits("+1 555 123 4567")).isEqualTo("5551234567");
  }
}
