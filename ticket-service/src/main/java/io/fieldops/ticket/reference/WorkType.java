package io.fieldops.ticket.reference;

import java.util.UUID;

/** A kind of work (repair, installation, PM …), named in Thai and English. */
public record WorkType(UUID id, String code, String nameTh, String nameEn, boolean isActive)
    implements ReferenceEntry {}
