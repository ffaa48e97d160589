package io.fieldops.jobcard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @ParameterizedTest
  @CsvSource({
    "500, 500",
    "499.50, 499.5",
    "500.00, 500",
    "0, 0",
    "0.00, 0",
    "' 12.3 ', 12.3",
    "9999999999.99, 9999999999.99",
    "1000, 1000",
    "007, 7"
  })
  void amountsAreAnsweredPlainWithoutTrailingZeros(String written, String answered) {
    assertThat(Money.parse(written).map(Money::format)).contains(answered);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "-1",
        "+5",
        "1e3",
        "1.234",
        "abc",
        "12,50",
        ".5",
        "5.",
        "10000000000",
        "NaN"
      })
  void anythingElseIsNotAnAmount(String written) {
    assertThat(Money.parse(written)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"1E+3, 1000", "100.000, 100", "12.50, 12.5"})
  void formattingNeverUsesAnExponent(String amount, String answered) {
    assertThat(Money.format(new BigDecimal(amount))).isEqualTo(answered);
  }
}
