package io.fieldops.ticket.ticket;

import io.fieldops.ticket.reference.Contact;
import io.fieldops.ticket.reference.Employee;
import io.fieldops.ticket.reference.Merchandise;
import io.fieldops.ticket.reference.References;
import io.fieldops.ticket.reference.Site;
import io.fieldops.ticket.reference.TicketStatus;
import io.fieldops.ticket.reference.WorkType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.RowCallbackHandler;
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
    return links("ticket_employee", "employee_id", List.of(ticketId))
        .getOrDefault(ticketId, List.of());
  }

  public List<UUID> merchandiseIds(UUID ticketId) {
    return links("ticket_merchandise", "merchandise_id", List.of(ticketId))
        .getOrDefault(ticketId, List.of());
  }

  /** Every relationship expanded, as seed 003's answers show a ticket. */
  public TicketView view(TicketRow row) {
    return views(List.of(row)).getFirst();
  }

  /**
   * Tickets of one organisation expanded, in the order given: one query per kind of part for the
   * whole page, however many tickets it holds.
   */
  public List<TicketView> views(List<TicketRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    UUID org = rows.getFirst().orgId();
    if (rows.stream().anyMatch(row -> !org.equals(row.orgId()))) {
      throw new IllegalArgumentException("tickets of more than one organisation");
    }
    List<UUID> ids = rows.stream().map(TicketRow::id).toList();
    Map<UUID, List<UUID>> employeeLinks = links("ticket_employee", "employee_id", ids);
    Map<UUID, List<UUID>> merchandiseLinks = links("ticket_merchandise", "merchandise_id", ids);
    Set<UUID> people = new HashSet<>();
    rows.forEach(row -> people.add(row.assignerId()));
    employeeLinks.values().forEach(people::addAll);
    Map<UUID, Employee> employees = references.employeesById(org, people);
    Map<UUID, WorkType> workTypes = references.workTypes(org, of(rows, TicketRow::workTypeId));
    Map<UUID, TicketStatus> statuses = references.statuses(org, of(rows, TicketRow::statusId));
    Map<UUID, Site> sites = references.sites(org, of(rows, TicketRow::siteId));
    Map<UUID, Contact> contacts = references.contacts(org, of(rows, TicketRow::contactId));
    Map<UUID, TicketView.Appointment> appointments =
        appointments(of(rows, TicketRow::appointmentId));
    Map<UUID, Merchandise> merchandise =
        references.merchandiseById(
            org, merchandiseLinks.values().stream().flatMap(List::stream).toList());
    return rows.stream()
        .map(
            row ->
                new TicketView(
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
                    workTypes.get(row.workTypeId()),
                    employees.get(row.assignerId()),
                    statuses.get(row.statusId()),
                    get(sites, row.siteId()),
                    get(contacts, row.contactId()),
                    get(appointments, row.appointmentId()),
                    present(employeeLinks.getOrDefault(row.id(), List.of()), employees),
                    present(merchandiseLinks.getOrDefault(row.id(), List.of()), merchandise)))
        .toList();
  }

  /** Each ticket's linked ids from a link table, in id order. */
  private Map<UUID, List<UUID>> links(String table, String column, List<UUID> ticketIds) {
    Map<UUID, List<UUID>> links = new HashMap<>();
    jdbc.sql(
            "select ticket_id, "
                + column
                + " as linked from "
                + table
                + " where ticket_id in (:ids) order by ticket_id, linked")
        .param("ids", ticketIds)
        .query(
            (RowCallbackHandler)
                rs ->
                    links
                        .computeIfAbsent(
                            rs.getObject("ticket_id", UUID.class), id -> new ArrayList<>())
                        .add(rs.getObject("linked", UUID.class)));
    return links;
  }

  private Map<UUID, TicketView.Appointment> appointments(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, TicketView.Appointment> found = new HashMap<>();
    jdbc.sql(
            "select id, appointment_date, appointment_time_start, appointment_time_end,"
                + " appointment_type, created_at, updated_at from appointment where id in (:ids)")
        .param("ids", ids)
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
        .list()
        .forEach(appointment -> found.put(appointment.id(), appointment));
    return found;
  }

  /** The distinct non-null ids one member of the rows holds. */
  private static List<UUID> of(List<TicketRow> rows, Function<TicketRow, UUID> member) {
    return rows.stream().map(member).filter(Objects::nonNull).distinct().toList();
  }

  private static <T> T get(Map<UUID, T> found, UUID id) {
    return id == null ? null : found.get(id);
  }

  private static <T> List<T> present(List<UUID> ids, Map<UUID, T> found) {
    return ids.stream().filter(found::containsKey).map(found::get).toList();
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
