package io.fieldops.booking.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookingDatesTest {

  private static final LocalDate OCT_20 = LocalDate.of(2030, 10, 20);

  @ParameterizedTest
  @ValueSource(strings = {"2030-10-20", "20/10/2030", "10/20/2030", "20-10-2030", "10-20-2030"})
  void everySeedFormatIsRead(String text) {
    assertThat(BookingDates.parse(text, DateOrder.DMY)).contains(OCT_20);
    assertThat(BookingDates.parse(text, DateOrder.MDY)).contains(OCT_20);
    assertThat(text).as("the API document's pattern").matches(BookingDates.FORMATS);
  }

  @Test
  void anAmbiguousDateFollowsTheOrganisationsOrder() {
    assertThat(BookingDates.parse("03/04/2030", DateOrder.DMY)).contains(LocalDate.of(2030, 4, 3));
    assertThat(BookingDates.parse("03/04/2030", DateOrder.MDY)).contains(LocalDate.of(2030, 3, 4));
    assertThat(BookingDates.parse("03-04-2030", DateOrder.MDY)).contains(LocalDate.of(2030, 3, 4));
  }

  @Test
  void singleDigitsAndSurroundingSpaceAreTolerated() {
    assertThat(BookingDates.parse(" 2030-1-5 ", DateOrder.DMY)).contains(LocalDate.of(2030, 1, 5));
    assertThat(BookingDates.parse("5/1/2030", DateOrder.DMY)).contains(LocalDate.of(2030, 1, 5));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "2030/10/20",
        "20.10.2030",
        "20/10-2030",
        "31/02/2030",
        "13/13/2030",
        "2030-13-01",
        "2030-02-30",
        "20/10/30",
        "tomorrow",
        "2030-10-20T10:00",
        "１０/２０/２０３０"
      })
  void anythingElseIsNoDate(String text) {
    assertThat(BookingDates.parse(text, DateOrder.DMY)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"5/1/2030", "2030-1-5", "03-04-2030", "13/12/2030", "12/13/2030"})
  void theDocumentsPatternMatchesWhatIsRead(String text) {
    assertThat(BookingDates.parse(text, DateOrder.DMY)).isPresent();
    assertThat(text).matches(BookingDates.FORMATS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2030/10/20",
        "20.10.2030",
        "20/10-2030",
        "13/13/2030",
        "2030-13-01",
        "20/10/30",
        "2030-10-20T10:00",
        "１０/２０/２０３０"
      })
  void theDocumentsPatternRefusesWhatIsNotRead(String text) {
    // a day that does not exist (31/02/2030) has the right shape: only parse refuses it
    assertThat(text).doesNotMatch(BookingDates.FORMATS);
  }

  @Test
  void nullIsNoDate() {
    assertThat(BookingDates.parse(null, DateOrder.DMY)).isEmpty();
  }
}
