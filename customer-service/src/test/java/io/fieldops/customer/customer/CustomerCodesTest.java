package io.fieldops.customer.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CustomerCodesTest {

  @Test
  void codesAreZeroPaddedWithAPrefix() {
    assertThat(CustomerCodes.format(1)).isEqualTo("CUS-000001");
    assertThat(CustomerCodes.format(42)).isEqualTo("CUS-000042");
    assertThat(CustomerCodes.format(999_999)).isEqualTo("CUS-999999");
  }

  @Test
  void aMillionAndMoreSimplyGrowLonger() {
    assertThat(CustomerCodes.format(1_000_000)).isEqualTo("CUS-1000000");
  }

  @Test
  void numbersStartAtOne() {
    assertThatThrownBy(() -> CustomerCodes.format(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
