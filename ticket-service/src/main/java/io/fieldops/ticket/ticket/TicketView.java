package io.fieldops.ticket.ticket;

import io.fieldops.ticket.reference.Contact;
import io.fieldops.ticket.reference.Employee;
import io.fieldops.ticket.reference.Merchandise;
import io.fieldops.ticket.reference.Site;
import io.fieldops.ticket.reference.TicketStatus;
import io.fieldops.ticket.reference.WorkType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket as seed 003 answers it: its own members, then every relationship expanded ({@code site}
 * with its {@code company}). {@code version} is not a member: it travels as the ETag.
 */
public record TicketView(
    UUID id,
    String details,
    UUID workTypeId,
    UUID assignerId,
    UUID statusId,
    String additional,
    UUID siteId,
    UUID contactId,
    UUID appointmentId,
    Instant createdAt,
    Instant updatedAt,
    WorkType workType,
    Employee assigner,
    TicketStatus status,
    Site site,
    Contact contact,
    Appointment appointment,
    List<Employee> employees,
    List<Merchandise> merchandise) {

  /** When and how the work is to be done; {@code appointment_type} as seed 003 names it. */
  public record Appointment(
      UUID id,
      java.time.LocalDate appointmentDate,
      String appointmentTimeStart,
      String appointmentTimeEnd,
      @Schema(allowableValues = {"call_to_schedule", "scheduled", "backlog"})
          String appointmentType,
      Instant createdAt,
      Instant updatedAt) {}
}
