package io.fieldops.devstack;

import java.nio.file.Path;
import java.util.List;

/**
 * How child JVMs are started. The flags trade peak throughput for a small footprint and a fast
 * start, which is what eight JVMs on a two-core laptop need; they are not production settings.
 *
 * @param java the java executable (the launcher's own by default)
 * @param serviceHeap maximum heap of each service, e.g. {@code 256m}
 * @param kafkaHeap maximum heap of the Kafka broker
 */
public record JvmSettings(Path java, String serviceHeap, String kafkaHeap) {

  public static JvmSettings defaults() {
    return new JvmSettings(Path.of(System.getProperty("java.home"), "bin", "java"), "256m", "512m");
  }

  public JvmSettings withServiceHeap(String heap) {
    return new JvmSettings(java, heap, kafkaHeap);
  }

  List<String> serviceFlags() {
    return List.of(
        "-Xmx" + serviceHeap,
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-Xss512k",
        "-XX:+ExitOnOutOfMemoryError");
  }

  List<String> kafkaFlags() {
    return List.of("-Xmx" + kafkaHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
  }
}
