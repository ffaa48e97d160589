package io.fieldops.ticket.reference;

import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The equipment at the organisation's sites: any staff member reads it, a supervisor (level 2) or
 * admin adds and changes it. Every piece is at a site; one that tickets link stays at its site,
 * since a ticket's merchandise must be at the ticket's site.
 */
@Service
public class MerchandiseItems implements ReferenceKind<Merchandise> {

  static final Set<String> MEMBERS = Set.of("site_id", "name", "model", "serial_no", "is_active");
  private static final Set<String> CREATE = Set.of("site_id", "name", "model", "serial_no");

  private final References references;
  private final ReferenceLists lists;
  private final ReferenceWrites writes;

  MerchandiseItems(References references, ReferenceLists lists, ReferenceWrites writes) {
    this.references = references;
    this.lists = lists;
    this.writes = writes;
  }

  /** {@code siteId} narrows the list to one site's merchandise. */
  public ReferencePage<Merchandise> list(
      CurrentUser caller, UUID siteId, boolean includeInactive, Paging paging) {
    caller.requireStaff();
    paging.check();
    return lists.merchandise(caller.orgId(), siteId, includeInactive, paging);
  }

  @Override
  public Merchandise get(CurrentUser caller, UUID id) {
    caller.requireStaff();
    return found(caller.orgId(), id);
  }

  @Override
  public Merchandise create(CurrentUser caller, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    JsonBody body = JsonBody.of(json, CREATE);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("site_id", site(caller.orgId(), body));
    values.put("name", body.requiredText("name", 300));
    values.put("model", body.text("model", 200));
    values.put("serial_no", body.text("serial_no", 200));
    UUID id = writes.insert("merchandise", caller.orgId(), values);
    return found(caller.orgId(), id);
  }

  /** Members left out keep their values; {@code null} clears the model or serial number. */
  @Override
  @Transactional
  public Merchandise change(CurrentUser caller, UUID id, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    JsonBody body = JsonBody.of(json, MEMBERS);
    Merchandise current = found(caller.orgId(), id);
    Map<String, Object> changes = new LinkedHashMap<>();
    boolean moves = false;
    if (body.has("site_id")) {
      UUID siteId = site(caller.orgId(), body);
      moves = !siteId.equals(current.siteId());
      if (moves && references.merchandiseOnTickets(id)) {
        throw linked();
      }
      changes.put("site_id", siteId);
    }
    if (body.has("name")) {
      changes.put("name", body.requiredText("name", 300));
    }
    if (body.has("model")) {
      changes.put("model", body.text("model", 200));
    }
    if (body.has("serial_no")) {
      changes.put("serial_no", body.text("serial_no", 200));
    }
    if (body.has("is_active")) {
      changes.put("is_active", body.bool("is_active"));
    }
    try {
      writes.update("merchandise", caller.orgId(), id, changes);
    } catch (DataIntegrityViolationException e) {
      // A ticket linked it between the check above and this update: the link table's composite
      // key (merchandise, site) refuses the move, and the answer is the same.
      if (moves) {
        throw linked();
      }
      throw e;
    }
    return found(caller.orgId(), id);
  }

  private static RuntimeException linked() {
    return ReferenceProblems.taken("site_id", "reference.merchandise.on-tickets");
  }

  /** The body's {@code site_id}: required, and one of the organisation's sites. */
  private UUID site(UUID orgId, JsonBody body) {
    UUID siteId = body.uuid("site_id");
    if (siteId == null) {
      throw ReferenceProblems.required("site_id");
    }
    if (references.site(orgId, siteId).isEmpty()) {
      throw ReferenceProblems.unknown("site_id", "reference.unknown.site");
    }
    return siteId;
  }

  private Merchandise found(UUID orgId, UUID id) {
    return references
        .merchandise(orgId, id)
        .orElseThrow(() -> new NotFoundException("reference.not-found.merchandise"));
  }
}
