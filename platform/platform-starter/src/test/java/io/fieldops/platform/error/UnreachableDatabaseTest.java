package io.fieldops.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class UnreachableDatabaseTest {

  @Test
  void aRestartingServerIsUnreachableHoweverDeepTheCause() {
    SQLException restart =
        new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    RuntimeException jpa =
        new RuntimeException("JDBC exception", new IllegalStateException("wrapped", restart));

    assertThat(UnreachableDatabase.explains(jpa)).isTrue();
    assertThat(UnreachableDatabase.explains(new SQLException("starting", "57P03"))).isTrue();
    assertThat(UnreachableDatabase.explains(new SQLException("refused", "08001"))).isTrue();
    assertThat(UnreachableDatabase.explains(new SQLException("too many", "53300"))).isTrue();
  }

  @Test
  void aPoolTimeoutOrARefusedConnectionIsUnreachable() {
    assertThat(
            UnreachableDatabase.explains(
                new RuntimeException(new SQLTransientConnectionException("pool timed out"))))
        .isTrue();
    assertThat(UnreachableDatabase.explains(new RuntimeException(new ConnectException("refused"))))
        .isTrue();
  }

  @Test
  void aRollbackOnAConnectionThePoolClosedAsBrokenIsUnreachable() {
    // what replaced the original 57P01 while PostgreSQL restarted
    SQLException closed = new SQLException("Connection is closed");
    closed.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(
              "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection",
              "lambda$getClosedConnection$0",
              "ProxyConnection.java",
              559),
          new StackTraceElement(
              "com.zaxxer.hikari.pool.ProxyConnection", "rollback", "ProxyConnection.java", 386)
        });

    assertThat(
            UnreachableDatabase.explains(
                new RuntimeException(
                    "Unable to rollback against JDBC Connection",
                    new IllegalStateException(closed))))
        .isTrue();
    assertThat(UnreachableDatabase.explains(new SQLException("Connection is closed"))).isFalse();
  }

  @Test
  void aFaultOfTheRequestOrOfTheCodeIsNot() {
    assertThat(UnreachableDatabase.explains(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(UnreachableDatabase.explains(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(UnreachableDatabase.explains(new SQLException("no state"))).isFalse();
    assertThat(UnreachableDatabase.explains(new IllegalStateException("bug"))).isFalse();
    assertThat(UnreachableDatabase.explains(null)).isFalse();
  }
}
