package io.fieldops.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpectedTypesTest {

  @Test
  void namesTheKindsClientsSend() {
    assertThat(ExpectedTypes.messageKey(int.class)).isEqualTo("fieldops.type.integer");
    assertThat(ExpectedTypes.messageKey(Long.class)).isEqualTo("fieldops.type.integer");
    assertThat(ExpectedTypes.messageKey(BigDecimal.class)).isEqualTo("fieldops.type.number");
    assertThat(ExpectedTypes.messageKey(boolean.class)).isEqualTo("fieldops.type.boolean");
    assertThat(ExpectedTypes.messageKey(UUID.class)).isEqualTo("fieldops.type.uuid");
    assertThat(ExpectedTypes.messageKey(LocalDate.class)).isEqualTo("fieldops.type.date");
    assertThat(ExpectedTypes.messageKey(LocalTime.class)).isEqualTo("fieldops.type.time");
    assertThat(ExpectedTypes.messageKey(Instant.class)).isEqualTo("fieldops.type.timestamp");
    assertThat(ExpectedTypes.messageKey(String.class)).isEqualTo("fieldops.type.string");
    assertThat(ExpectedTypes.messageKey(List.class)).isEqualTo("fieldops.type.list");
    assertThat(ExpectedTypes.messageKey(ExpectedTypesTest.class)).isEqualTo("fieldops.type.object");
  }
}
