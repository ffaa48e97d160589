package io.fieldops.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL (zonky's binaries) whose data directory survives restarts: initdb runs only
 * when the directory holds no cluster yet, so the demo data a developer made is still there.
 */
final class PostgresServer implements AutoCloseable {

  static final String USER = "postgres";

  /** Authentication is "trust" on loopback, so any password works; services send this one. */
  static final String PASSWORD = "postgres";

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static PostgresServer start(Path dataDir, int port, Path log) throws IOException {
    Files.createDirectories(dataDir);
    Files.createDirectories(log.getParent());
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            // Loopback only, also with --listen-all: authentication is "trust" and pg_hba.conf
            // admits loopback connections only, so another interface would serve nobody safely.
            .setServerConfig("listen_addresses", ServiceCommand.LOOPBACK)
            .setPGStartupWait(Duration.ofSeconds(60))
            // The launcher closes it after the services that use it, not in a hook of its own.
            .setRegisterShutdownHook(false)
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new PostgresServer(postgres);
  }

  /** Creates each database that does not exist yet; existing ones keep their data. */
  void ensureDatabases(Collection<String> names) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
        Statement create = connection.createStatement()) {
      for (String name : names) {
        if (!DATABASE_NAME.matcher(name).matches()) {
          throw new IllegalArgumentException("unsafe database name: " + name);
        }
        exists.setString(1, name);
        try (ResultSet rows = exists.executeQuery()) {
          if (!rows.next()) {
            create.execute("CREATE DATABASE \"" + name + "\"");
          }
        }
      }
    }
  }

  int port() {
    return postgres.getPort();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
