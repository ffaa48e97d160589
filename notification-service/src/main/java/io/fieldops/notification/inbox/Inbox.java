package io.fieldops.notification.inbox;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.security.CurrentUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organisation's notification history for its staff, with per-user read state: single reads,
 * and a "read everything up to here" mark per user for read-all. Staff of level 1 and up see the
 * whole organisation's; a level 0 technician only what was addressed to them in person (their
 * assignments). Customers are refused; another organisation's notification, or one a technician was
 * not told, is 404 like a missing one.
 */
@Service
class Inbox {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private static final String READ =
      "(n.id <= coalesce((select m.read_up_to from read_mark m"
          + " where m.user_id = :user and m.org_id = n.org_id), 0)"
          + " or exists (select 1 from notification_read r"
          + " where r.notification_id = n.id and r.user_id = :user))";

  /** What the caller may see: {@code n} is the notification; {@code :org}, {@code :user} bound. */
  private static String visibleTo(CurrentUser caller) {
    caller.requireStaff();
    return caller.worksOrganisationData()
        ? "n.org_id = :org"
        : "n.org_id = :org and exists (select 1 from notification_recipient t"
            + " where t.notification_id = n.id and t.user_id = :user)";
  }

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Inbox(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * With {@code after}: what came after that id (a reconnecting client's catch-up). Without: the
   * latest {@code limit}. Either way oldest first.
   */
  @Transactional(readOnly = true)
  NotificationPage list(CurrentUser caller, Long after, Integer limit) {
    String visible = visibleTo(caller);
    Map<String, String> problems = new LinkedHashMap<>();
    if (after != null && after < 0) {
      problems.put("after", "notification.after.invalid");
    }
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      problems.put("limit", "notification.limit.invalid");
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("fieldops.problem.validation-failed", problems);
    }
    String select =
        "select n.id, n.type, n.payload, n.created_at, "
            + READ
            + " as read from notification n where "
            + visible;
    List<NotificationResponse> rows;
    if (after != null) {
      rows =
          jdbc.sql(select + " and n.id > :after order by n.id limit :limit")
              .param("org", caller.orgId())
              .param("user", caller.id())
              .param("after", after)
              .param("limit", size + 1)
              .query((rs, n) -> row(rs))
              .list();
    } else {
      rows =
          new ArrayList<>(
              jdbc.sql(select + " order by n.id desc limit :limit")
                  .param("org", caller.orgId())
                  .param("user", caller.id())
                  .param("limit", size)
                  .query((rs, n) -> row(rs))
                  .list());
      java.util.Collections.reverse(rows);
    }
    boolean hasMore = after != null && rows.size() > size;
    List<NotificationResponse> page = hasMore ? rows.subList(0, size) : rows;
    long nextAfter = page.isEmpty() ? (after == null ? 0 : after) : page.get(page.size() - 1).id();
    return new NotificationPage(List.copyOf(page), nextAfter, hasMore);
  }

  @Transactional
  void markRead(CurrentUser caller, long id) {
    String visibleToCaller = visibleTo(caller);
    boolean visible =
        jdbc.sql("select count(*) from notification n where n.id = :id and " + visibleToCaller)
                .param("id", id)
                .param("org", caller.orgId())
                .param("user", caller.id())
                .query(Long.class)
                .single()
            > 0;
    if (!visible) {
      throw NotFoundException.of("Notification");
    }
    jdbc.sql(
            "insert into notification_read (notification_id, user_id) values (:id, :user)"
                + " on conflict do nothing")
        .param("id", id)
        .param("user", caller.id())
        .update();
  }

  /** Everything there is now; what arrives later is unread again. */
  @Transactional
  void markAllRead(CurrentUser caller) {
    String visible = visibleTo(caller);
    jdbc.sql(
            """
            insert into read_mark (user_id, org_id, read_up_to)
            select :user, :org, coalesce(max(n.id), 0) from notification n where %s
            on conflict (user_id, org_id)
            do update set read_up_to = greatest(read_mark.read_up_to, excluded.read_up_to)
            """
                .formatted(visible))
        .param("user", caller.id())
        .param("org", caller.orgId())
        .update();
  }

  @Transactional(readOnly = true)
  UnreadCount unread(CurrentUser caller) {
    String visible = visibleTo(caller);
    long count =
        jdbc.sql("select count(*) from notification n where " + visible + " and not " + READ)
            .param("org", caller.orgId())
            .param("user", caller.id())
            .query(Long.class)
            .single();
    return new UnreadCount(count);
  }

  private NotificationResponse row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new NotificationResponse(
        rs.getLong("id"),
        rs.getString("type"),
        json.readTree(rs.getString("payload")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getBoolean("read"));
  }
}
