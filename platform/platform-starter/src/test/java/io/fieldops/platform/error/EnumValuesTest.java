package io.fieldops.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.junit.jupiter.api.Test;

class EnumValuesTest {

  enum Plain {
    LOW,
    HIGH
  }

  enum AppointmentType {
    @JsonProperty("call_to_schedule")
    CALL_TO_SCHEDULE,
    @JsonProperty("scheduled")
    SCHEDULED
  }

  enum Lowercase {
    BACKLOG;

    @JsonValue
    String json() {
      return name().toLowerCase();
    }
  }

  @Test
  void plainEnumsUseConstantNames() {
    assertThat(EnumValues.allowed(Plain.class, true)).containsExactly("LOW", "HIGH");
  }

  @Test
  void jsonSpellingHonoursJsonProperty() {
    assertThat(EnumValues.allowed(AppointmentType.class, true))
        .containsExactly("call_to_schedule", "scheduled");
  }

  @Test
  void jsonSpellingHonoursJsonValue() {
    assertThat(EnumValues.allowed(Lowercase.class, true)).containsExactly("backlog");
  }

  @Test
  void parametersUseConstantNames() {
    assertThat(EnumValues.allowed(AppointmentType.class, false))
        .containsExactly("CALL_TO_SCHEDULE", "SCHEDULED");
  }
}
