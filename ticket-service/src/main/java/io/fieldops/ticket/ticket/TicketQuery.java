package io.fieldops.ticket.ticket;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The list's filters, all optional; {@code backlog=true} is tickets without an appointment date;
 * {@code search} matches the details. {@code page} from 1, {@code size} 1-100.
 */
public record TicketQuery(
    UUID statusId,
    UUID workTypeId,
    UUID siteId,
    UUID companyId,
    UUID employeeId,
    LocalDate appointmentDateFrom,
    LocalDate appointmentDateTo,
    Boolean backlog,
    String search,
    int page,
    int size) {}
