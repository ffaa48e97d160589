package io.fieldops.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How child JVMs are started, for one of two purposes. {@link Purpose#FOOTPRINT} (the default)
 * trades peak throughput for a small footprint and a fast start, which is what eight JVMs on a
 * two-core laptop need. {@link Purpose#PRODUCTION} runs the services as the container images do
 * (the JVM's own choice of garbage collector and its optimising compiler), which is what benchmarks
 * must measure.
 *
 * @param java the java executable (the launcher's own by default)
 * @param serviceHeap maximum heap of each service, e.g. {@code 256m}
 * @param kafkaHeap maximum heap of the Kafka broker
 * @param purpose which flags the services get
 */
public record JvmSettings(Path java, String serviceHeap, String kafkaHeap, Purpose purpose) {

  /** What the services' JVM flags are for. */
  public enum Purpose {
    /** SerialGC and C1 only: small and quick to start; not production settings. */
    FOOTPRINT,
    /** The JVM's defaults (G1, C1 then C2), as the Dockerfile and the k8s manifests run them. */
    PRODUCTION;

    /** {@code footprint} or {@code production}, as {@code --jvm=} takes it. */
    public static Purpose parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--jvm must be footprint or production, not '" + value + "'");
      }
    }
  }

  public JvmSettings(Path java, String serviceHeap, String kafkaHeap) {
    this(java, serviceHeap, kafkaHeap, Purpose.FOOTPRINT);
  }

  public static JvmSettings defaults() {
    return new JvmSettings(Path.of(System.getProperty("java.home"), "bin", "java"), "256m", "512m");
  }

  public JvmSettings withServiceHeap(String heap) {
    return new JvmSettings(java, heap, kafkaHeap, purpose);
  }

  public JvmSettings withPurpose(Purpose newPurpose) {
    return new JvmSettings(java, serviceHeap, kafkaHeap, newPurpose);
  }

  List<String> serviceFlags() {
    return switch (purpose) {
      // Without -Xms the initial heap is 1/64 of the machine's memory, which on this 24 GiB
      // machine is more than -Xmx: the whole heap was committed (and touched by the young
      // collections) from the start, whatever the service needed. A small initial heap and a
      // tight free ratio let it grow to what the service holds (issue 15's memory figures).
      case FOOTPRINT ->
          List.of(
              "-Xms32m",
              "-Xmx" + serviceHeap,
              "-XX:MinHeapFreeRatio=20",
              "-XX:MaxHeapFreeRatio=40",
              "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1",
              "-Xss512k",
              "-XX:+ExitOnOutOfMemoryError");
      case PRODUCTION -> List.of("-Xmx" + serviceHeap, "-XX:+ExitOnOutOfMemoryError");
    };
  }

  List<String> kafkaFlags() {
    return List.of("-Xmx" + kafkaHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
  }
}
