package io.fieldops.ticket.reference;

import java.util.UUID;

/** One entry of reference data as answered: its id is what its address ends in. */
interface ReferenceEntry {

  UUID id();
}
