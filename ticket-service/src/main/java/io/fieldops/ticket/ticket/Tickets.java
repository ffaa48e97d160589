package io.fieldops.ticket.ticket;

import io.fieldops.ticket.reference.References;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads tickets of one organisation and expands them into {@link TicketView}s. */
@Component
public class Tickets {

  static final String COLUMNS =
      "id, org_id, details, work_type_id, assigner_id, status_id, additional, site_id, contact_id,"
          + " appointment_id, created_by, created_at, updated_at, version";

  private final JdbcClient jdbc;
  private final References references;

  Tickets(JdbcClient jdbc, References references) {
    this.jdbc = jdbc;
    this.references = references;
  }

  /** The ticket's row, locked for the rest of the transaction when {@code forUpdate}. */
  public Optional<TicketRow> row(UUID orgId, UUID id, boolean forUpdate) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from ticket where org_id = :org and id = :id"
                + (forUpdate ? " for update" : ""))
        .param("org", orgId)
        .param("id", id)
        .query(ROW)
        .optional();
  }

  public List<UUID> employeeIds(UUID ticketId) {
    return jdbc.sql(
            "select employee_id from ticket_employee where ticket_id = :id order by employee_id")
        .param("id", ticketId)
        .query(UUID.class)
        .list();
  }

  public List<UUID> merchandiseIds(UUID ticketId) {
    return jdbc.sql(
            "select merchandise_id from ticket_merchandise where ticket_id = :id"
                + " order by merchandise_id")
        .param("id", ticketId)
        .query(UUID.class)
        .list();
  }

  /** Every relationship expanded, as seed 003's answers show a ticket. */
  public TicketView view(TicketRow row) {
    UUID org = row.orgId();
    return new TicketView(
        row.id(),
        row.details(),
        row.workTypeId(),
        row.assignerId(),
        row.statusId(),
        row.additional(),
        row.siteId(),
        row.contactId(),
        row.appointmentId(),
        row.createdAt(),
        row.updatedAt(),
        references.workType(org, row.workTypeId()).orElse(null),
        references.employees(org, List.of(row.assignerId())).stream().findFirst().orElse(null),
        references.status(org, row.statusId()).orElse(null),
        row.siteId() == null ? null : references.site(org, row.siteId()).orElse(null),
        row.contactId() == null ? null : references.contact(org, row.contactId()).orElse(null),
        row.appointmentId() == null ? null : appointment(row.appointmentId()).orElse(null),
        references.employees(org, employeeIds(row.id())),
        references.merchandise(org, merchandiseIds(row.id())));
  }

  private Optional<TicketView.Appointment> appointment(UUID id) {
    return jdbc.sql(
            "select id, appointment_date, appointment_time_start, appointment_time_end,"
                + " appointment_type, created_at, updated_at from appointment where id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new TicketView.Appointment(
                    rs.getObject("id", UUID.class),
                    rs.getObject("appointment_date", java.time.LocalDate.class),
                    time(rs.getObject("appointment_time_start", LocalTime.class)),
                    time(rs.getObject("appointment_time_end", LocalTime.class)),
                    rs.getString("appointment_type"),
                    instant(rs, "created_at"),
                    instant(rs, "updated_at")))
        .optional();
  }

  /** {@code HH:MM:SS}, as seed 003 writes times. */
  static String time(LocalTime time) {
    return time == null
        ? null
        : "%02d:%02d:%02d".formatted(time.getHour(), time.getMinute(), time.getSecond());
  }

  static final RowMapper<TicketRow> ROW =
      (rs, n) ->
          new TicketRow(
              rs.getObject("id", UUID.class),
              rs.getObject("org_id", UUID.class),
              rs.getString("details"),
              rs.getObject("work_type_id", UUID.class),
              rs.getObject("assigner_id", UUID.class),
              rs.getObject("status_id", UUID.class),
              rs.getString("additional"),
              rs.getObject("site_id", UUID.class),
              rs.getObject("contact_id", UUID.class),
              rs.getObject("appointment_id", UUID.class),
              rs.getObject("created_by", UUID.class),
              instant(rs, "created_at"),
              instant(rs, "updated_at"),
              rs.getLong("version"));

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
