package io.fieldops.booking.agent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key}s of the agent endpoint and the first successful answer for each (table
 * {@code idempotency_record}, key scoped to the organisation). Only successes are remembered: a
 * refused request created nothing, so its retry is simply evaluated again.
 */
@Component
class IdempotencyRecords {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyRecords.class);

  record Stored(String requestHash, int status, String body) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final java.time.Duration ttl;

  IdempotencyRecords(
      JdbcClient jdbc, Clock clock, io.fieldops.booking.config.BookingProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ttl = properties.idempotencyTtl();
  }

  Optional<Stored> find(UUID orgId, String key) {
    return jdbc.sql(
            """
            select request_hash, response_status, response_body from idempotency_record
            where org_id = :org and idempotency_key = :key and response_status is not null
            """)
        .param("org", orgId)
        .param("key", key)
        .query(
            (rs, row) ->
                new Stored(
                    rs.getString("request_hash"),
                    rs.getInt("response_status"),
                    rs.getString("response_body")))
        .optional();
  }

  /**
   * Claims the key in the current transaction; false when another request holds it (PostgreSQL
   * waits for that request's transaction first, so its answer can be read once this one is over).
   */
  boolean claim(UUID orgId, String key, String requestHash) {
    return jdbc.sql(
                """
                insert into idempotency_record (org_id, idempotency_key, request_hash, created_at)
                values (:org, :key, :hash, :now)
                on conflict do nothing
                """)
            .param("org", orgId)
            .param("key", key)
            .param("hash", requestHash)
            .param("now", Timestamp.from(clock.instant()))
            .update()
        == 1;
  }

  void answer(UUID orgId, String key, int status, String body) {
    jdbc.sql(
            """
            update idempotency_record set response_status = :status, response_body = :body
            where org_id = :org and idempotency_key = :key
            """)
        .param("status", status)
        .param("body", body)
        .param("org", orgId)
        .param("key", key)
        .update();
  }

  /** Keys older than {@code fieldops.booking.idempotency-ttl} may be used again. */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  void forgetOld() {
    Instant before = clock.instant().minus(ttl);
    int deleted =
        jdbc.sql("delete from idempotency_record where created_at < :before")
            .param("before", Timestamp.from(before))
            .update();
    if (deleted > 0) {
      log.info("Forgot {} idempotency keys older than {}", deleted, ttl);
    }
  }
}
