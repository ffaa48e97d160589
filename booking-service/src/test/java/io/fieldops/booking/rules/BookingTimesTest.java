package io.fieldops.booking.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BookingTimesTest {

  @ParameterizedTest
  @CsvSource({
    "14:00, 14:00:00",
    "9:05, 09:05:00",
    "14:00:30, 14:00:30",
    "2:00 PM, 14:00:00",
    "2:00PM, 14:00:00",
    "02:00 pm, 14:00:00",
    "12:00 PM, 12:00:00",
    "12:30 AM, 00:30:00",
    "11:59 am, 11:59:00",
    "00:00, 00:00:00",
    "23:59:59, 23:59:59"
  })
  void everySeedFormatIsRead(String text, String expected) {
    assertThat(BookingTimes.parse(text)).contains(LocalTime.parse(expected));
    assertThat(text).as("the API document's pattern").matches(BookingTimes.FORMATS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "14",
        "1400",
        "24:00",
        "14:60",
        "14:00:60",
        "13:00 PM",
        "0:30 AM",
        "2 PM",
        "2:00 P.M.",
        "14h00",
        "noon",
        "14:00:00.5"
      })
  void anythingElseIsNoTime(String text) {
    assertThat(BookingTimes.parse(text)).isEmpty();
    assertThat(text).as("the API document's pattern").doesNotMatch(BookingTimes.FORMATS);
  }
}
