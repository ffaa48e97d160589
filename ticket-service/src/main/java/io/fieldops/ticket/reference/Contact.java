package io.fieldops.ticket.reference;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person to call at a site. */
public record Contact(
    UUID id,
    UUID siteId,
    String personName,
    String nickname,
    List<String> phone,
    List<String> email,
    String lineId,
    String note,
    boolean isActive,
    Instant createdAt,
    Instant updatedAt)
    implements ReferenceEntry {}
