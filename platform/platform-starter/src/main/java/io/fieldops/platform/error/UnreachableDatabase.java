package io.fieldops.platform.error;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means the database could not be reached, rather than a fault in the request or
 * in our code: then the caller gets a 503 it may retry, not a 500. Spring translates most of these
 * into {@code DataAccessResourceFailureException}, but not all: Hibernate turns PostgreSQL's
 * "terminating connection due to administrator command" (57P01, what a restart sends to every open
 * session) into a generic JDBC error, which reached the client as a 500 while PostgreSQL restarted.
 * So the cause chain decides.
 */
public final class UnreachableDatabase {

  /** PostgreSQL's SQLSTATEs of a server going away or refusing sessions (besides class 08). */
  private static final Set<String> SERVER_GOING_AWAY =
      Set.of(
          "57P01", // admin_shutdown
          "57P02", // crash_shutdown
          "57P03", // cannot_connect_now (starting up, shutting down)
          "53300"); // too_many_connections

  /** Where Hikari answers calls on a connection it has closed. */
  private static final String HIKARI_CLOSED_CONNECTION =
      "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

  private UnreachableDatabase() {}

  /** True when {@code failure} or one of its causes says the database is not reachable now. */
  public static boolean explains(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException
          || cause instanceof ConnectException) {
        return true;
      }
      if (cause instanceof SQLException && closedByThePool(cause)) {
        return true;
      }
      if (cause instanceof SQLException sql && explainsSqlState(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a SQLSTATE says the server went away or refuses sessions: class 08 (connection
   * exception: the link broke, e.g. an I/O error on the socket) or one of {@link
   * #SERVER_GOING_AWAY}. Shared with the pool's eviction rule (platform {@code
   * LostDatabaseEviction}), so the 503 and the pool agree on what a lost database is.
   */
  public static boolean explainsSqlState(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || SERVER_GOING_AWAY.contains(sqlState));
  }

  /**
   * Hikari marks a connection broken on the same SQLSTATEs and closes it; the transaction's
   * rollback on it then fails with "Connection is closed", and that failure replaces the original
   * one (seen while PostgreSQL restarted: a 500).
   */
  private static boolean closedByThePool(Throwable failure) {
    for (StackTraceElement frame : failure.getStackTrace()) {
      if (HIKARI_CLOSED_CONNECTION.equals(frame.getClassName())) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable cause) {
    Throwable next = cause.getCause();
    return next == cause ? null : next;
  }
}
