package io.fieldops.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaServerConfigTest {

  @Test
  void aSingleCombinedKraftNodeOnTheShiftedPorts() {
    var props = KafkaServerConfig.properties(new PortPlan(5), Path.of("/data/kafka/data"));

    assertThat(props)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("controller.quorum.voters", "1@localhost:19098")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19097,CONTROLLER://127.0.0.1:19098")
        .containsEntry("advertised.listeners", "PLAINTEXT://localhost:19097")
        .containsEntry("log.dirs", "/data/kafka/data")
        .containsEntry("offsets.topic.replication.factor", "1");
  }

  @Test
  void rendersAsAPropertiesFile() {
    String text =
        KafkaServerConfig.render(
            KafkaServerConfig.properties(new PortPlan(0), Path.of("/data/kafka")));

    assertThat(text).contains("node.id=1\n").endsWith("\n");
  }
}
