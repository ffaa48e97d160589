package io.fieldops.customer.customer;

import io.fieldops.platform.security.CurrentUser;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@code GET /api/v1/customers/stats/}: counts over the caller's organisation. */
@Service
public class CustomerStats {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  CustomerStats(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Every count is over the caller's organisation; {@code recent_customers}: customer_since within
   * 30 days.
   */
  public record Stats(
      long totalCustomers,
      long verifiedCustomers,
      long unverifiedCustomers,
      long linkedCustomers,
      long standaloneCustomers,
      long totalServices,
      long recentCustomers) {}

  @Transactional(readOnly = true)
  public Stats stats(CurrentUser caller) {
    StaffOnly.require(caller);
    LocalDate since = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(30);
    return jdbc.queryForObject(
        """
        SELECT count(*) AS total,
               count(*) FILTER (WHERE is_verified) AS verified,
               count(user_id) AS linked,
               coalesce(sum(total_services), 0) AS services,
               count(*) FILTER (WHERE customer_since > ?) AS recent
        FROM customer WHERE org_id = ?
        """,
        (rs, n) ->
            new Stats(
                rs.getLong("total"),
                rs.getLong("verified"),
                rs.getLong("total") - rs.getLong("verified"),
                rs.getLong("linked"),
                rs.getLong("total") - rs.getLong("linked"),
                rs.getLong("services"),
                rs.getLong("recent")),
        Date.valueOf(since),
        caller.orgId());
  }
}
