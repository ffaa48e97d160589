package io.fieldops.platform.events.idempotency;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.BusinessRuleException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} store every create endpoint that outside callers retry uses (table
 * {@code idempotency_key}): a retry with the same key and the same request gets the first answer
 * and creates nothing; the same key with another request is a 422; concurrent duplicates are
 * serialised by the primary key, so exactly one of them does the work.
 *
 * <pre>{@code
 * Optional<IdempotentRequest> key = idempotency.key(header, "agent-booking", org.id(), request);
 * Optional<StoredAnswer> earlier = key.flatMap(idempotency::replay);   // before any remote call
 * if (earlier.isPresent()) return earlier.get();
 * ... resolve what needs a peer, outside any transaction ...
 * return idempotency.execute(key, () -> new StoredAnswer(201, json.valueToTree(create(...))));
 * }</pre>
 *
 * <p>Only answers are remembered: a request refused with an error created nothing (its transaction
 * rolled back with the key), so its retry is simply evaluated again.
 */
public class IdempotencyKeys {

  /** The header's name. */
  public static final String HEADER = "Idempotency-Key";

  /** The column's size. */
  public static final int MAX_LENGTH = 200;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final Clock clock;

  public IdempotencyKeys(
      JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The key sent with {@code request} to {@code operation} in {@code orgId}; empty when the header
   * is absent or blank.
   *
   * @throws BadRequestException naming the header when the key is longer than {@value #MAX_LENGTH}
   */
  public Optional<IdempotentRequest> key(
      String header, String operation, UUID orgId, Object request) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String key = header.strip();
    if (key.length() > MAX_LENGTH) {
      throw new BadRequestException(
          "fieldops.idempotency.too-long",
          Map.of(HEADER, "fieldops.idempotency.too-long-detail"),
          MAX_LENGTH);
    }
    return Optional.of(
        new IdempotentRequest(orgId, key, operation, hash(operation, orgId, request)));
  }

  /**
   * The answer first given to this key, once that request has committed.
   *
   * @throws BusinessRuleException (422) when the key was used with another request
   */
  public Optional<StoredAnswer> replay(IdempotentRequest request) {
    return jdbc.sql(
            """
            SELECT request_hash, response_status, response_body FROM idempotency_key
            WHERE org_id = :org AND idempotency_key = :key AND response_status IS NOT NULL
            """)
        .param("org", request.orgId())
        .param("key", request.key())
        .query(
            (rs, row) -> {
              if (!rs.getString("request_hash").equals(request.requestHash())) {
                throw new BusinessRuleException(
                    "fieldops.idempotency.mismatch",
                    Map.of(HEADER, "fieldops.idempotency.mismatch"));
              }
              return new StoredAnswer(
                  rs.getInt("response_status"), json.readTree(rs.getString("response_body")));
            })
        .optional();
  }

  /**
   * Runs {@code work} in a transaction that also claims the key and stores the answer. A concurrent
   * request with the same key waits on the key's row until the first commits, then gets its answer
   * (or, if the first failed, does the work itself). Without a key, just the transaction.
   */
  public StoredAnswer execute(Optional<IdempotentRequest> key, Supplier<StoredAnswer> work) {
    if (key.isEmpty()) {
      return transactions.execute(status -> work.get());
    }
    IdempotentRequest request = key.get();
    try {
      return transactions.execute(
          status -> {
            if (!claim(request)) {
              throw new KeyTaken();
            }
            StoredAnswer answer = work.get();
            remember(request, answer);
            return answer;
          });
    } catch (KeyTaken taken) {
      // a concurrent request with this key committed first: its answer is ours
      return replay(request)
          .orElseThrow(() -> new BusinessRuleException("fieldops.idempotency.in-progress"));
    }
  }

  /** Forgets keys older than {@code ttl}: they may be used again. Returns how many. */
  public int forgetOlderThan(Duration ttl) {
    return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :before")
        .param("before", Timestamp.from(clock.instant().minus(ttl)))
        .update();
  }

  /** False when another request holds the key (PostgreSQL waits for it to finish first). */
  private boolean claim(IdempotentRequest request) {
    return jdbc.sql(
                """
                INSERT INTO idempotency_key
                  (org_id, idempotency_key, operation, request_hash, created_at)
                VALUES (:org, :key, :operation, :hash, :now)
                ON CONFLICT DO NOTHING
                """)
            .param("org", request.orgId())
            .param("key", request.key())
            .param("operation", request.operation())
            .param("hash", request.requestHash())
            .param("now", Timestamp.from(clock.instant()))
            .update()
        == 1;
  }

  private void remember(IdempotentRequest request, StoredAnswer answer) {
    jdbc.sql(
            """
            UPDATE idempotency_key SET response_status = :status, response_body = :body
            WHERE org_id = :org AND idempotency_key = :key
            """)
        .param("status", answer.status())
        .param("body", json.writeValueAsString(answer.body()))
        .param("org", request.orgId())
        .param("key", request.key())
        .update();
  }

  /** SHA-256 of the operation, the organisation and the request as JSON. */
  private String hash(String operation, UUID orgId, Object request) {
    String canonical = operation + "|" + orgId + "|" + json.writeValueAsString(request);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Thrown inside the transaction to roll it back when the key belongs to another request. */
  private static final class KeyTaken extends RuntimeException {
    KeyTaken() {
      super(null, null, false, false);
    }
  }
}
