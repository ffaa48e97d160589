package io.fieldops.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM, shared by every test class.
 *
 * <p>Where a Docker engine answers, both run as Testcontainers; otherwise PostgreSQL runs from
 * zonky's binaries and Kafka as an in-process KRaft broker (the path CI takes, docs/architecture.md
 * "Tests"). Set {@code -Dfieldops.test.infrastructure=embedded} (or {@code docker}) to force a
 * path.
 *
 * <p>Isolation comes from a fresh database per caller ({@link #createDatabase(String)}) rather than
 * a fresh server: starting PostgreSQL costs seconds, {@code CREATE DATABASE} milliseconds. Kafka is
 * shared as is; tests isolate themselves with their own consumer groups or topics.
 */
public final class SharedInfrastructure {

  public static final String MODE_PROPERTY = "fieldops.test.infrastructure";
  public static final String POSTGRES_IMAGE = "postgres:17-alpine";
  public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

  private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
  private static final AtomicInteger databaseCounter = new AtomicInteger();

  private final Postgres postgres;
  private final Kafka kafka;

  private SharedInfrastructure(boolean docker) {
    long started = System.nanoTime();
    this.postgres = docker ? new ContainerPostgres() : new EmbeddedPostgresServer();
    this.kafka = docker ? new ContainerKafka() : new EmbeddedKafka();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "shared-infrastructure-stop"));
    log.info(
        "Test infrastructure ({}) ready in {} ms: PostgreSQL {}, Kafka {}",
        docker ? "Testcontainers" : "embedded",
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        postgres.adminJdbcUrl(),
        kafka.bootstrapServers());
  }

  /** The infrastructure of this JVM, started on first use. */
  public static SharedInfrastructure get() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    private static final SharedInfrastructure INSTANCE = new SharedInfrastructure(useDocker());
  }

  /**
   * Creates an empty database and returns its JDBC URL. The name is derived from {@code nameHint}
   * (for example a test class name) plus a counter, so it is unique within this JVM.
   */
  public String createDatabase(String nameHint) {
    String name = databaseName(nameHint);
    try (Connection connection =
            DriverManager.getConnection(postgres.adminJdbcUrl(), jdbcUsername(), jdbcPassword());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return postgres.jdbcUrl(name);
  }

  public String jdbcUsername() {
    return postgres.username();
  }

  public String jdbcPassword() {
    return postgres.password();
  }

  /** host:port of the shared broker, for {@code spring.kafka.bootstrap-servers}. */
  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  static String databaseName(String nameHint) {
    String cleaned = nameHint == null ? "" : nameHint.toLowerCase(Locale.ROOT);
    cleaned = cleaned.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (cleaned.isEmpty()) {
      cleaned = "test";
    }
    String suffix = "_" + databaseCounter.incrementAndGet();
    // PostgreSQL truncates identifiers at 63 bytes; keep the unique suffix intact.
    int room = 63 - suffix.length();
    if (cleaned.length() > room) {
      cleaned = cleaned.substring(cleaned.length() - room);
    }
    return cleaned + suffix;
  }

  private static boolean useDocker() {
    String mode = System.getProperty(MODE_PROPERTY, "auto").toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "embedded" -> false;
      case "docker" -> true;
      case "auto" -> dockerAvailable();
      default ->
          throw new IllegalArgumentException(
              MODE_PROPERTY + " must be auto, embedded or docker, not " + mode);
    };
  }

  private static boolean dockerAvailable() {
    // Asking Testcontainers when no engine could possibly answer costs seconds and logs an
    // ERROR in every test JVM; look for the usual sockets first.
    if (!dockerMightBeConfigured()) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static boolean dockerMightBeConfigured() {
    String home = System.getProperty("user.home");
    String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
    return System.getenv("DOCKER_HOST") != null
        || Files.exists(Path.of("/var/run/docker.sock"))
        || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
        || Files.exists(Path.of(home, ".testcontainers.properties"))
        || (runtimeDir != null && Files.exists(Path.of(runtimeDir, "docker.sock")));
  }

  private void stop() {
    awaitApplicationShutdownHooks();
    try {
      kafka.stop();
    } catch (RuntimeException e) {
      log.warn("Stopping Kafka failed", e);
    }
    try {
      postgres.stop();
    } catch (RuntimeException e) {
      log.warn("Stopping PostgreSQL failed", e);
    }
  }

  /**
   * The JVM runs all shutdown hooks at once. The Spring contexts of the tests close in theirs, and
   * their Kafka consumers and connection pools need the broker and the database while they do: a
   * consumer that loses its broker waits 30 s (its close timeout) before giving up, and the build
   * waited with it at the end of every test JVM. So the contexts close first, then the
   * infrastructure.
   */
  private static void awaitApplicationShutdownHooks() {
    long deadline = System.nanoTime() + java.time.Duration.ofMillis(200).toNanos();
    java.util.List<Thread> hooks = springShutdownHooks();
    // the JVM starts the hooks one after another: give the others a moment to appear
    while (hooks.isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      hooks = springShutdownHooks();
    }
    for (Thread hook : hooks) {
      try {
        hook.join(java.time.Duration.ofSeconds(20));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static java.util.List<Thread> springShutdownHooks() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t != Thread.currentThread())
        .filter(
            t ->
                t.getName().startsWith("SpringApplicationShutdownHook")
                    || t.getName().startsWith("SpringContextShutdownHook"))
        .toList();
  }

  private interface Postgres {
    String adminJdbcUrl();

    String jdbcUrl(String database);

    String username();

    String password();

    void stop();
  }

  private interface Kafka {
    String bootstrapServers();

    void stop();
  }

  private static final class EmbeddedPostgresServer implements Postgres {
    private final EmbeddedPostgres server;

    EmbeddedPostgresServer() {
      try {
        // Durability is worthless for throw-away test data; these make DDL and commits cheap.
        this.server =
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped by our own hook, after the tests' Spring contexts have closed: zonky's
                // would stop it while they still need it (30 s waits for a connection at exit)
                .setRegisterShutdownHook(false)
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
    }

    @Override
    public String adminJdbcUrl() {
      return jdbcUrl("postgres");
    }

    @Override
    public String jdbcUrl(String database) {
      return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    @Override
    public String username() {
      return "postgres";
    }

    @Override
    public String password() {
      // zonky's cluster trusts local connections; any password is accepted.
      return "postgres";
    }

    @Override
    public void stop() {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class ContainerPostgres implements Postgres {
    private final PostgreSQLContainer container;

    ContainerPostgres() {
      this.container =
          new PostgreSQLContainer(POSTGRES_IMAGE)
              .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
      container.start();
    }

    @Override
    public String adminJdbcUrl() {
      return jdbcUrl(container.getDatabaseName());
    }

    @Override
    public String jdbcUrl(String database) {
      return "jdbc:postgresql://"
          + container.getHost()
          + ":"
          + container.getMappedPort(5432)
          + "/"
          + database;
    }

    @Override
    public String username() {
      return container.getUsername();
    }

    @Override
    public String password() {
      return container.getPassword();
    }

    @Override
    public void stop() {
      container.stop();
    }
  }

  private static final class EmbeddedKafka implements Kafka {
    private final EmbeddedKafkaKraftBroker broker;

    EmbeddedKafka() {
      this.broker = startKraftBroker();
    }

    @Override
    public String bootstrapServers() {
      return broker.getBrokersAsString();
    }

    @Override
    public void stop() {
      broker.destroy();
    }
  }

  /**
   * Starts a private single-node in-process KRaft broker on a random port, for a test that needs a
   * broker of its own (the caller destroys it). The KRaft test kit cannot bind a chosen port; to
   * make Kafka unreachable and reachable again at a fixed address, put a {@link TcpProxy} in front.
   */
  public static EmbeddedKafkaKraftBroker startKraftBroker() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.brokerProperty("auto.create.topics.enable", "true");
    broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
    broker.afterPropertiesSet();
    return broker;
  }

  private static final class ContainerKafka implements Kafka {
    private final KafkaContainer container;

    ContainerKafka() {
      this.container = new KafkaContainer(KAFKA_IMAGE);
      container.start();
    }

    @Override
    public String bootstrapServers() {
      return container.getBootstrapServers();
    }

    @Override
    public void stop() {
      container.stop();
    }
  }
}
