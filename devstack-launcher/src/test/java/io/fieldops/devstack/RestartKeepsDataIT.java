package io.fieldops.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a developer made in the stack is still there after Ctrl-C and ./devstack again. */
class RestartKeepsDataIT {

  private static final Duration READY = Duration.ofSeconds(90);

  @TempDir Path data;

  private final PortPlan ports = FreePorts.plan(4_000);

  @Test
  void postgresKeepsDatabasesAndRows() throws Exception {
    Path pgData = data.resolve("postgres");
    Path log = data.resolve("logs/postgres.log");
    try (PostgresServer postgres = PostgresServer.start(pgData, ports.postgres(), log)) {
      postgres.ensureDatabases(List.of("booking"));
      try (Connection db = connect("booking");
          Statement sql = db.createStatement()) {
        sql.execute("CREATE TABLE slot (id int PRIMARY KEY)");
        sql.execute("INSERT INTO slot VALUES (42)");
      }
    }

    try (PostgresServer postgres = PostgresServer.start(pgData, ports.postgres(), log)) {
      postgres.ensureDatabases(List.of("booking", "auth"));
      try (Connection db = connect("booking");
          Statement sql = db.createStatement();
          ResultSet rows = sql.executeQuery("SELECT id FROM slot")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(42);
      }
      try (Connection auth = connect("auth")) {
        assertThat(auth.isValid(2)).isTrue();
      }
    }
  }

  @Test
  void kafkaKeepsItsClusterAndTopics() throws Exception {
    Path kafkaDir = data.resolve("kafka");
    Path log = data.resolve("logs/kafka.log");
    String classpath = System.getProperty("java.class.path");
    JvmSettings jvm = JvmSettings.defaults();

    try (KafkaBroker kafka = KafkaBroker.start(kafkaDir, ports, jvm, classpath, data, log)) {
      kafka.awaitReady(READY);
      try (Admin admin = admin()) {
        admin
            .createTopics(List.of(new NewTopic("bookings", 1, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
    }
    String clusterId = Files.readString(kafkaDir.resolve("cluster-id")).strip();

    try (KafkaBroker kafka = KafkaBroker.start(kafkaDir, ports, jvm, classpath, data, log)) {
      kafka.awaitReady(READY);
      try (Admin admin = admin()) {
        Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        String liveClusterId = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);

        assertThat(topics).contains("bookings");
        assertThat(liveClusterId).isEqualTo(clusterId);
      }
    }
  }

  private Connection connect(String database) throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + ports.postgres() + "/" + database,
        PostgresServer.USER,
        PostgresServer.PASSWORD);
  }

  private Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + ports.kafka()));
  }
}
