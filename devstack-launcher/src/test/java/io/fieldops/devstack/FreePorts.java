package io.fieldops.devstack;

import java.util.List;
import java.util.stream.IntStream;

/** A port plan for a test's PostgreSQL and Kafka whose ports are free, apart from other tests'. */
final class FreePorts {

  private FreePorts() {}

  /**
   * @param firstOffset where to start looking; tests that may run side by side start apart
   */
  static PortPlan plan(int firstOffset) {
    return new PortPlan(
        PortCheck.firstFreeOffset(
                IntStream.iterate(firstOffset, o -> o < 13_000, o -> o + 70), List.of())
            .orElseThrow());
  }
}
