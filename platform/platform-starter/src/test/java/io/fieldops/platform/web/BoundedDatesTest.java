package io.fieldops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class BoundedDatesTest {

  private final BoundedDates dates = new BoundedDates();

  @Test
  void isoDatesOfTheYears1To9999AreRead() {
    assertThat(dates.convert("2030-10-20")).isEqualTo(LocalDate.of(2030, 10, 20));
    assertThat(dates.convert(" 0001-01-01 ")).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(dates.convert("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
    assertThat(dates.convert("  ")).isNull();
  }

  @Test
  void yearsOutsideThemAndOtherTextAreRefused() {
    assertThatThrownBy(() -> dates.convert("+999999999-12-31"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dates.convert("+10000-01-01"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dates.convert("0000-12-31"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dates.convert("-0001-01-01"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dates.convert("20/10/2030"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
