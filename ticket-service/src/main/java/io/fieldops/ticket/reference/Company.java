package io.fieldops.ticket.reference;

import java.time.Instant;
import java.util.UUID;

/** A customer company, found by its 13-digit tax id. */
public record Company(
    UUID id,
    String taxId,
    String nameTh,
    String nameEn,
    String addressDetail,
    boolean isActive,
    Instant createdAt,
    Instant updatedAt)
    implements ReferenceEntry {}
