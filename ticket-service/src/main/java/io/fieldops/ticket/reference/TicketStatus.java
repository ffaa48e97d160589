package io.fieldops.ticket.reference;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * Where a ticket stands; {@code category} groups the organisation's own statuses (new, open,
 * pending, resolved, closed) and {@code sort_order} orders them.
 */
public record TicketStatus(
    UUID id,
    String code,
    String nameTh,
    String nameEn,
    @Schema(allowableValues = {"new", "open", "pending", "resolved", "closed"}) String category,
    int sortOrder,
    boolean isActive)
    implements ReferenceEntry {}
