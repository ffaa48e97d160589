package io.fieldops.ticket.reference;

import io.fieldops.platform.security.CurrentUser;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What every kind of reference data (work types, statuses, companies, sites, contacts, merchandise)
 * does alike: answer one, add one, change one. Listing is not here: each kind filters its own way.
 */
interface ReferenceKind<T extends ReferenceEntry> {

  T get(CurrentUser caller, UUID id);

  T create(CurrentUser caller, JsonNode json);

  T change(CurrentUser caller, UUID id, JsonNode json);
}
