package io.fieldops.notification.feed;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The notification table. Every replica writes through here; the event id keeps one row. */
@Repository
public class NotificationStore {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  NotificationStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Stores the notice of an event with its recipients, or finds the row another replica stored for
   * it.
   */
  StoredNotification storeOnce(
      UUID eventId, UUID orgId, Notices.Notice notice, Instant occurredAt) {
    jdbc.sql(
            """
            insert into notification (event_id, org_id, type, payload, occurred_at)
            values (:event, :org, :type, cast(:payload as jsonb), :occurred)
            on conflict (event_id) do nothing
            """)
        .param("event", eventId)
        .param("org", orgId)
        .param("type", notice.type())
        .param("payload", json.writeValueAsString(notice.data()))
        .param("occurred", Timestamp.from(occurredAt))
        .update();
    StoredNotification stored =
        jdbc.sql(
                "select id, org_id, type, payload, created_at from notification"
                    + " where event_id = :event")
            .param("event", eventId)
            .query(
                (rs, n) ->
                    new StoredNotification(
                        rs.getLong("id"),
                        rs.getObject("org_id", UUID.class),
                        rs.getString("type"),
                        json.readTree(rs.getString("payload")),
                        rs.getTimestamp("created_at").toInstant()))
            .single();
    for (UUID recipient : notice.recipients()) {
      jdbc.sql(
              "insert into notification_recipient (notification_id, user_id) values (:id, :user)"
                  + " on conflict do nothing")
          .param("id", stored.id())
          .param("user", recipient)
          .update();
    }
    return stored;
  }
}
