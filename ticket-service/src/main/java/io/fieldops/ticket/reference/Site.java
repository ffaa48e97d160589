package io.fieldops.ticket.reference;

import java.time.Instant;
import java.util.UUID;

/** A place where work is done, usually a company's; answered with its company expanded. */
public record Site(
    UUID id,
    UUID companyId,
    String name,
    String addressDetail,
    Integer subdistrictCode,
    Integer postalCode,
    Integer districtCode,
    Integer provinceCode,
    String mapUrl,
    boolean isActive,
    Instant createdAt,
    Instant updatedAt,
    Company company)
    implements ReferenceEntry {}
