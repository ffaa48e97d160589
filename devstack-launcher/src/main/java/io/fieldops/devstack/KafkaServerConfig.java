package io.fieldops.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * server.properties of a single-node KRaft cluster: one process is both broker and controller. The
 * quorum is static (controller.quorum.voters), so the storage needs no initial-controller record
 * and a changed port offset on the next start is harmless.
 */
public final class KafkaServerConfig {

  static final int NODE_ID = 1;

  private KafkaServerConfig() {}

  public static Map<String, String> properties(PortPlan ports, Path logDir) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@localhost:" + ports.kafkaController());
    // Bound to loopback, also with --listen-all: clients are told "localhost" (advertised), so
    // a client on another machine could not use the broker anyway.
    props.put(
        "listeners",
        "PLAINTEXT://"
            + ServiceCommand.LOOPBACK
            + ":"
            + ports.kafka()
            + ",CONTROLLER://"
            + ServiceCommand.LOOPBACK
            + ":"
            + ports.kafkaController());
    props.put("advertised.listeners", "PLAINTEXT://localhost:" + ports.kafka());
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", logDir.toAbsolutePath().toString());
    // One broker: every internal topic can only have one replica.
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    // Services create their topics on first use; a consumer group should not wait 3 s to start.
    props.put("auto.create.topics.enable", "true");
    props.put("num.partitions", "3");
    props.put("group.initial.rebalance.delay.ms", "0");
    // A laptop keeps a week of events at most, in small segments.
    props.put("log.retention.hours", "168");
    props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    return props;
  }

  public static String render(Map<String, String> props) {
    return props.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue().replace("\\", "\\\\"))
            .collect(Collectors.joining("\n"))
        + "\n";
  }
}
