package io.fieldops.booking.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZoneNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"Asia/Bangkok", "Europe/London", "America/New_York", "UTC", "Etc/UTC"})
  void namesOfTheTimeZoneDatabaseAreRead(String name) {
    assertThat(TimeZoneNames.read(name)).contains(ZoneId.of(name));
    assertThat(TimeZoneNames.read(" " + name + " ")).contains(ZoneId.of(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "+07:00", "+7", "Z", "UTC+7", "GMT+07:00", "UT-01:00"})
  void offsetsAreRefusedAsOffsets(String offset) {
    assertThat(TimeZoneNames.read(offset)).isEmpty();
    assertThat(TimeZoneNames.refusal(offset)).isEqualTo(TimeZoneNames.OFFSET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mars/Base", "asia/bangkok", "Bangkok", "", "  ", "25"})
  void anythingElseIsUnknown(String text) {
    assertThat(TimeZoneNames.read(text)).isEmpty();
    assertThat(TimeZoneNames.refusal(text)).isEqualTo(TimeZoneNames.UNKNOWN);
  }
}
