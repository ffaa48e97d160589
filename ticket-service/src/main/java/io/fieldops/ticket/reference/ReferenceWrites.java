package io.fieldops.ticket.reference;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Inserts and changes reference rows of one organisation. Table and column names come from the
 * services' constants, never from a request; values are always bound parameters.
 *
 * <p>Uniqueness (a work type's code, a company's tax id, a site's name within its company, a
 * contact's name at a site) is left to the database's unique constraints: checking first would race
 * with a concurrent insert, the constraint cannot. {@link #unique} turns its refusal into a 409
 * naming the member.
 */
@Component
class ReferenceWrites {

  private final JdbcClient jdbc;
  private final Clock clock;

  ReferenceWrites(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A new row with {@code values}, its id, organisation and timestamps; answers the id. */
  UUID insert(String table, UUID orgId, Map<String, Object> values) {
    UUID id = UUID.randomUUID();
    StringBuilder columns = new StringBuilder("id, org_id, created_at, updated_at");
    StringBuilder parameters = new StringBuilder(":id, :org, :now, :now");
    values
        .keySet()
        .forEach(
            column -> {
              columns.append(", ").append(column);
              parameters.append(", :").append(column);
            });
    jdbc.sql("insert into " + table + " (" + columns + ") values (" + parameters + ")")
        .params(values)
        .param("id", id)
        .param("org", orgId)
        .param("now", Timestamp.from(clock.instant()))
        .update();
    return id;
  }

  /** Sets {@code changes} (and {@code updated_at}) on the organisation's row; false if none. */
  boolean update(String table, UUID orgId, UUID id, Map<String, Object> changes) {
    if (changes.isEmpty()) {
      return true;
    }
    StringBuilder set = new StringBuilder("updated_at = :now");
    changes
        .keySet()
        .forEach(column -> set.append(", ").append(column).append(" = :").append(column));
    return jdbc.sql("update " + table + " set " + set + " where org_id = :org and id = :id")
            .params(changes)
            .param("now", Timestamp.from(clock.instant()))
            .param("org", orgId)
            .param("id", id)
            .update()
        > 0;
  }

  /** The next free place at the end of the organisation's statuses (steps of 10, as defaults). */
  int nextSortOrder(UUID orgId) {
    return jdbc.sql(
            "select coalesce(max(sort_order), 0) + 10 from ticket_status where org_id = :org")
        .param("org", orgId)
        .query(Integer.class)
        .single();
  }

  /** Runs a write; a unique constraint's refusal becomes a 409 naming {@code member}. */
  static <T> T unique(String member, String messageKey, Supplier<T> write) {
    try {
      return write.get();
    } catch (DuplicateKeyException e) {
      throw ReferenceProblems.taken(member, messageKey);
    }
  }
}
