package io.fieldops.notification.counts;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.security.CurrentUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's counters, from the stored notifications (every event of the organisation is
 * there, also those that came while no dashboard was open): how many of each message type since an
 * instant (the dashboard asks from its local midnight), and the job cards active since then by
 * their latest status. "Since" is when the event happened ({@code occurred_at}), not when it was
 * stored. Staff of level 1 and up of the token's organisation, like the history.
 */
@Service
class Counts {

  private static final String JOB_CARD_TYPES = "starts_with(type, 'jobcard_')";

  private final JdbcClient jdbc;
  private final Clock clock;

  Counts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * {@code since}: an ISO-8601 instant or date-time with offset ({@code 2030-10-19T17:00:00Z},
   * {@code 2030-10-20T00:00:00+07:00}); without it, the start of the current UTC day.
   */
  @Transactional(readOnly = true)
  NotificationCounts since(CurrentUser caller, String since) {
    caller.requireWorksOrganisationData();
    Instant from = parse(since);
    Map<String, Long> byType =
        counted(
            jdbc.sql(
                    """
            select type as key, count(*) as n from notification
            where org_id = :org and occurred_at >= :since
            group by type order by type
            """)
                .param("org", caller.orgId())
                .param("since", Timestamp.from(from)));
    // each job card once: the status its latest event shows (events of one job card share a
    // Kafka key, so they are stored in the order they happened and the highest id is the latest)
    Map<String, Long> byStatus =
        counted(
            jdbc.sql(
                    """
            select status as key, count(*) as n from (
              select distinct on (payload ->> 'id') payload ->> 'status' as status
              from notification
              where org_id = :org and occurred_at >= :since and %s
                and payload ->> 'id' is not null
              order by payload ->> 'id', id desc
            ) latest
            where status is not null
            group by status order by status
            """
                        .formatted(JOB_CARD_TYPES))
                .param("org", caller.orgId())
                .param("since", Timestamp.from(from)));
    return new NotificationCounts(from, byType, byStatus);
  }

  private Instant parse(String since) {
    if (since == null || since.isBlank()) {
      return clock.instant().truncatedTo(ChronoUnit.DAYS);
    }
    try {
      return OffsetDateTime.parse(since.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("since", "notification.since.invalid"));
    }
  }

  /** {@code key, n} rows, in their order. */
  private static Map<String, Long> counted(JdbcClient.StatementSpec query) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Map.Entry<String, Long> row :
        query.query((rs, i) -> Map.entry(rs.getString("key"), rs.getLong("n"))).list()) {
      counts.put(row.getKey(), row.getValue());
    }
    return counts;
  }
}
