package io.fieldops.ticket.reference;

import java.util.UUID;

/** Equipment at a site (a printer, a copier) that tickets are about. */
public record Merchandise(
    UUID id, UUID siteId, String name, String model, String serialNo, boolean isActive)
    implements ReferenceEntry {}
