package io.fieldops.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

class LostDatabaseEvictionTest {

  private final HikariPoolMXBean pool = mock(HikariPoolMXBean.class);
  private final LostDatabaseEviction eviction =
      new LostDatabaseEviction(() -> "test-pool", () -> pool);

  @Test
  void aServerThatWentAwayEvictsThePool() {
    // what every session gets when PostgreSQL restarts or an admin terminates it
    assertThat(eviction.adjudicate(new SQLException("terminating connection", "57P01")))
        .isEqualTo(Override.CONTINUE_EVICT);
    // pgjdbc's "An I/O error occurred while sending to the backend"
    assertThat(eviction.adjudicate(new SQLException("I/O error", "08006")))
        .isEqualTo(Override.CONTINUE_EVICT);

    verify(pool, times(2)).softEvictConnections();
  }

  @Test
  void aFailureOfOneStatementEvictsNothingElse() {
    for (SQLException failure :
        new SQLException[] {
          new SQLException("duplicate key", "23505"),
          new SQLException("canceling statement due to statement timeout", "57014"),
          new SQLTimeoutException("query timed out"),
          new SQLException("no state")
        }) {
      // the failing connection itself stays Hikari's to judge
      assertThat(eviction.adjudicate(failure)).isEqualTo(Override.CONTINUE_EVICT);
    }

    verify(pool, never()).softEvictConnections();
  }

  @Test
  void aPoolThatIsNotRunningIsLeftAlone() {
    LostDatabaseEviction beforeStart = new LostDatabaseEviction(() -> "test-pool", () -> null);

    assertThat(beforeStart.adjudicate(new SQLException("terminating connection", "57P01")))
        .isEqualTo(Override.CONTINUE_EVICT);
  }
}
