package io.fieldops.booking.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.TestUser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * PostgreSQL ends every session of the service's database at once, as a restart does (57P01): the
 * pool learns it from the first request that fails and replaces every connection (platform {@code
 * LostDatabaseEviction}), so one request fails, not one per pooled connection. Without that, every
 * dead connection of a busy pool failed a request of its own (10 of these 20 requests).
 */
class DatabaseRestartIT extends BookingIntegrationTest {

  private static final int POOLED = 8;
  private static final int REQUESTS = 20;

  /**
   * Hikari tests a connection before lending it only when it has been idle for more than this (500
   * ms by default). A busy service's connections never are, so this class's pool plays one: without
   * it the outcome would depend on how fast this machine sends the requests. Hikari reads the
   * property when a pool is created: set before this class's application starts, cleared after, so
   * other classes' pools keep the default.
   */
  private static final String ALIVE_BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";

  static {
    System.setProperty(ALIVE_BYPASS_WINDOW, String.valueOf(Duration.ofMinutes(5).toMillis()));
  }

  @AfterAll
  static void defaultWindowForOtherPools() {
    System.clearProperty(ALIVE_BYPASS_WINDOW);
  }

  @Autowired DataSource dataSource;

  @Value("${spring.datasource.url}")
  String url;

  @Value("${spring.datasource.username}")
  String username;

  @Value("${spring.datasource.password}")
  String password;

  @Test
  void afterEverySessionEndsAtMostOneRequestFails() throws SQLException {
    Http staff = as(TestUser.admin(testOrg.id()));
    assertStatus(staff.get(BOOKINGS), 200);

    try (Connection admin = DriverManager.getConnection(url, username, password)) {
      // several pooled connections, all of them used a moment ago
      useConnectionsAtOnce(POOLED);
      List<Integer> ended = endEveryOtherSession(admin);
      assertThat(ended).hasSizeGreaterThanOrEqualTo(POOLED);
      awaitGone(admin, ended);

      List<Http.Response> answers = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        answers.add(staff.get(BOOKINGS));
      }

      List<Http.Response> failed = answers.stream().filter(r -> r.status() != 200).toList();
      assertThat(failed)
          .as(failed.stream().map(r -> r.status() + " " + r.body()).toList().toString())
          .hasSizeLessThanOrEqualTo(1);
      for (Http.Response answer : failed) {
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isNotBlank();
      }
    }
  }

  /** Borrows {@code count} connections from the service's pool together, then returns them. */
  private void useConnectionsAtOnce(int count) throws SQLException {
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    List<Connection> borrowed = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        Connection connection = pool.getConnection();
        borrowed.add(connection);
        try (Statement statement = connection.createStatement()) {
          statement.execute("select 1");
        }
      }
    } finally {
      for (Connection connection : borrowed) {
        connection.close();
      }
    }
    assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isGreaterThanOrEqualTo(count);
  }

  /** What a restart does to every session but {@code admin}'s; returns the ended backends. */
  private static List<Integer> endEveryOtherSession(Connection admin) throws SQLException {
    List<Integer> ended = new ArrayList<>();
    try (Statement statement = admin.createStatement();
        var rows =
            statement.executeQuery(
                """
                select pid, pg_terminate_backend(pid) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid()
                """)) {
      while (rows.next()) {
        if (rows.getBoolean(2)) {
          ended.add(rows.getInt(1));
        }
      }
    }
    return ended;
  }

  /** pg_terminate_backend only signals: wait until the backends are really gone. */
  private static void awaitGone(Connection admin, List<Integer> pids) throws SQLException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    try (var query =
        admin.prepareStatement("select count(*) from pg_stat_activity where pid = any(?)")) {
      query.setArray(1, admin.createArrayOf("integer", pids.toArray()));
      while (System.nanoTime() < deadline) {
        try (var rows = query.executeQuery()) {
          rows.next();
          if (rows.getInt(1) == 0) {
            return;
          }
        }
        Thread.onSpinWait();
      }
    }
    throw new AssertionError("Backends " + pids + " still alive after 5 s");
  }
}
