package io.fieldops.jobcard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobCardCodesTest {

  @Test
  void codesHaveAtLeastFourDigits() {
    assertThat(JobCardCodes.of(1)).isEqualTo("JC-0001");
    assertThat(JobCardCodes.of(456)).isEqualTo("JC-0456");
    assertThat(JobCardCodes.of(9999)).isEqualTo("JC-9999");
    assertThat(JobCardCodes.of(12345)).isEqualTo("JC-12345");
  }

  @Test
  void numbersStartAtOne() {
    assertThatThrownBy(() -> JobCardCodes.of(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
