package io.fieldops.ticket.ticket;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what on a ticket: one row per member a master write changed (before and after as
 * JSON; links as lists of ids), written in the write's own transaction.
 */
@Component
public class TicketHistory {

  /** One change as {@code GET /api/v1/tickets/{id}/history} shows it. */
  public record Change(
      long id, UUID changedBy, Instant changedAt, String member, JsonNode before, JsonNode after) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;

  TicketHistory(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void record(
      UUID orgId, UUID ticketId, UUID by, Instant at, String member, Object before, Object after) {
    jdbc.sql(
            """
            insert into ticket_history (org_id, ticket_id, changed_by, changed_at, member, before,
                                        after)
            values (:org, :ticket, :by, :at, :member, cast(:before as jsonb), cast(:after as jsonb))
            """)
        .param("org", orgId)
        .param("ticket", ticketId)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .param("member", member)
        .param("before", before == null ? null : json.writeValueAsString(before))
        .param("after", after == null ? null : json.writeValueAsString(after))
        .update();
  }

  public List<Change> of(UUID orgId, UUID ticketId) {
    return jdbc.sql(
            "select id, changed_by, changed_at, member, before::text as before,"
                + " after::text as after from ticket_history"
                + " where org_id = :org and ticket_id = :ticket order by id")
        .param("org", orgId)
        .param("ticket", ticketId)
        .query(
            (rs, n) ->
                new Change(
                    rs.getLong("id"),
                    rs.getObject("changed_by", UUID.class),
                    rs.getTimestamp("changed_at").toInstant(),
                    rs.getString("member"),
                    rs.getString("before") == null ? null : json.readTree(rs.getString("before")),
                    rs.getString("after") == null ? null : json.readTree(rs.getString("after"))))
        .list();
  }
}
