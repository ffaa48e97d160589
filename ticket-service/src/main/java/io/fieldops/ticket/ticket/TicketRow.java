package io.fieldops.ticket.ticket;

import java.time.Instant;
import java.util.UUID;

/** A ticket's own row. */
public record TicketRow(
    UUID id,
    UUID orgId,
    String details,
    UUID workTypeId,
    UUID assignerId,
    UUID statusId,
    String additional,
    UUID siteId,
    UUID contactId,
    UUID appointmentId,
    UUID createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
