package io.fieldops.platform.database;

import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import io.fieldops.platform.error.UnreachableDatabase;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When one pooled connection learns that the database went away, the pool's other connections went
 * with it: a PostgreSQL restart (or an administrator's {@code pg_terminate_backend}) ends every
 * session at once. Hikari finds that out one borrowed connection at a time, and it skips its
 * liveness check for a connection used in the last 500 ms, so under traffic each of the pool's N
 * dead connections failed a request of its own: up to N 503s after the database was back, enough to
 * open the gateway's circuit breaker. On the first such failure this soft-evicts the whole pool
 * instead: idle connections are closed at once, busy ones when they are returned, and the next
 * requests get fresh connections.
 *
 * <p>Hikari asks this about every {@link SQLException} thrown on a pooled connection, whoever uses
 * it (a request, a Kafka listener, the outbox), which is why the rule lives in the pool rather than
 * in the error handler that answers the 503. The judgement is {@link
 * UnreachableDatabase#explainsSqlState}, the one that makes the answer a 503. A query timeout or a
 * constraint violation says nothing about the other connections and evicts nothing.
 *
 * <p>The failing connection itself is left to Hikari's own rule, which evicts it on the same
 * states. A connection that was busy in a long transaction while the pool was already refilled can
 * evict the fresh connections once more when it fails; that costs reconnecting, not failed
 * requests, since a soft eviction never closes a connection in use.
 */
public final class LostDatabaseEviction implements SQLExceptionOverride {

  private static final Logger log = LoggerFactory.getLogger(LostDatabaseEviction.class);

  private final Supplier<String> poolName;
  private final Supplier<HikariPoolMXBean> pool;

  /**
   * @param poolName the pool's name (Hikari names a pool when it starts)
   * @param pool the running pool, or null while it has not started or after it closed (Hikari
   *     creates its pool lazily, after this is installed)
   */
  public LostDatabaseEviction(Supplier<String> poolName, Supplier<HikariPoolMXBean> pool) {
    this.poolName = poolName;
    this.pool = pool;
  }

  @java.lang.Override
  public Override adjudicate(SQLException failure) {
    if (UnreachableDatabase.explainsSqlState(failure.getSQLState())) {
      HikariPoolMXBean running = pool.get();
      if (running != null) {
        log.warn(
            "{} - a connection lost the database (SQLSTATE {}): evicting every pooled connection",
            poolName.get(),
            failure.getSQLState());
        running.softEvictConnections();
      }
    }
    return Override.CONTINUE_EVICT;
  }
}
