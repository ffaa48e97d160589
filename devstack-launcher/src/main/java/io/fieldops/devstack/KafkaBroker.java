package io.fieldops.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) in a child JVM: isolated
 * from the launcher's heap and killable on its own. Its log directory survives restarts; the
 * storage is formatted once, with a cluster id kept next to it.
 */
final class KafkaBroker implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final ManagedProcess process;
  private final int port;

  private KafkaBroker(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Formats the storage if needed and starts the broker; does not wait for it. */
  static KafkaBroker start(
      Path kafkaDir, PortPlan ports, JvmSettings jvm, String classpath, Path workDir, Path log)
      throws IOException, InterruptedException {
    Path logDir = kafkaDir.resolve("data");
    Files.createDirectories(logDir);
    Path config = kafkaDir.resolve("server.properties");
    Files.writeString(
        config,
        KafkaServerConfig.render(KafkaServerConfig.properties(ports, logDir)),
        StandardCharsets.UTF_8);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(kafkaDir, config, jvm, classpath, workDir, log);
    }
    List<String> command = javaCommand(jvm, classpath);
    command.add("kafka.Kafka");
    command.add(config.toString());
    return new KafkaBroker(ManagedProcess.start("kafka", command, workDir, log), ports.kafka());
  }

  private static void format(
      Path kafkaDir, Path config, JvmSettings jvm, String classpath, Path workDir, Path log)
      throws IOException, InterruptedException {
    String clusterId = clusterId(kafkaDir);
    List<String> command = javaCommand(jvm, classpath);
    command.addAll(
        List.of(
            "kafka.tools.StorageTool",
            "format",
            "--cluster-id",
            clusterId,
            "--config",
            config.toString(),
            "--ignore-formatted"));
    Path formatLog = log.resolveSibling("kafka-format.log");
    ManagedProcess formatter = ManagedProcess.start("kafka-format", command, workDir, formatLog);
    if (!formatter.process().waitFor(2, TimeUnit.MINUTES) || formatter.process().exitValue() != 0) {
      formatter.stop(Duration.ZERO);
      throw StartupException.withLog("kafka", "storage format failed", formatLog);
    }
  }

  /** The cluster id is chosen once and kept, as the formatted storage is bound to it. */
  private static String clusterId(Path kafkaDir) throws IOException {
    Path file = kafkaDir.resolve("cluster-id");
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    String id = Uuid.randomUuid().toString();
    Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
    return id;
  }

  private static List<String> javaCommand(JvmSettings jvm, String classpath) {
    List<String> command = new ArrayList<>();
    command.add(jvm.java().toString());
    command.addAll(jvm.kafkaFlags());
    // The broker logs through slf4j-simple; INFO goes to its log file, not to the terminal.
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
    command.add("-Dorg.slf4j.simpleLogger.logFile=System.out");
    command.add("-cp");
    command.add(classpath);
    return command;
  }

  /** Waits until the broker answers a metadata request, or fails with the tail of its log. */
  void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    try (Admin admin = Admin.create(config)) {
      while (true) {
        if (!process.isAlive()) {
          throw StartupException.withLog("kafka", "exited during start-up", process.log());
        }
        try {
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(3000))
              .nodes()
              .get(4, TimeUnit.SECONDS);
          return;
        } catch (Exception notYet) {
          if (System.nanoTime() > deadline) {
            throw StartupException.withLog(
                "kafka", "did not answer within " + timeout.toSeconds() + " s", process.log());
          }
          Pause.briefly();
        }
      }
    }
  }

  ManagedProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.stop(STOP_GRACE);
  }
}
