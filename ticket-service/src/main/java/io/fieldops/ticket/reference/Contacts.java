package io.fieldops.ticket.reference;

import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The people to call at a site, one per name at its site (or among contacts without one): any staff
 * member reads them, a supervisor (level 2) or admin adds and changes them. {@code phone} and
 * {@code email} are lists of texts, held as the master API holds them (stripped, as written).
 */
@Service
public class Contacts implements ReferenceKind<Contact> {

  static final int MAX_ITEMS = 20;
  static final Set<String> MEMBERS =
      Set.of(
          "site_id", "person_name", "nickname", "phone", "email", "line_id", "note", "is_active");
  private static final Set<String> CREATE =
      Set.of("site_id", "person_name", "nickname", "phone", "email", "line_id", "note");

  private final References references;
  private final ReferenceLists lists;
  private final ReferenceWrites writes;

  Contacts(References references, ReferenceLists lists, ReferenceWrites writes) {
    this.references = references;
    this.lists = lists;
    this.writes = writes;
  }

  /** {@code siteId} narrows the list to one site's contacts. */
  public ReferencePage<Contact> list(
      CurrentUser caller, UUID siteId, boolean includeInactive, Paging paging) {
    caller.requireStaff();
    paging.check();
    return lists.contacts(caller.orgId(), siteId, includeInactive, paging);
  }

  @Override
  public Contact get(CurrentUser caller, UUID id) {
    caller.requireStaff();
    return found(caller.orgId(), id);
  }

  @Override
  public Contact create(CurrentUser caller, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    JsonBody body = JsonBody.of(json, CREATE);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("person_name", body.requiredText("person_name", 300));
    values.put("site_id", site(caller.orgId(), body));
    values.put("nickname", body.text("nickname", 100));
    values.put("phone", phones(body));
    values.put("email", emails(body));
    values.put("line_id", body.text("line_id", 100));
    values.put("note", body.text("note", 2000));
    UUID id =
        ReferenceWrites.unique(
            "person_name",
            "reference.taken.person-name",
            () -> writes.insert("contact", caller.orgId(), values));
    return found(caller.orgId(), id);
  }

  /**
   * Members left out keep their values; {@code null} clears one ({@code site_id: null} makes it a
   * contact without a site, {@code phone: null} no phones). The person's name stays required.
   */
  @Override
  @Transactional
  public Contact change(CurrentUser caller, UUID id, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    JsonBody body = JsonBody.of(json, MEMBERS);
    found(caller.orgId(), id);
    Map<String, Object> changes = new LinkedHashMap<>();
    if (body.has("person_name")) {
      changes.put("person_name", body.requiredText("person_name", 300));
    }
    if (body.has("site_id")) {
      changes.put("site_id", site(caller.orgId(), body));
    }
    if (body.has("nickname")) {
      changes.put("nickname", body.text("nickname", 100));
    }
    if (body.has("phone")) {
      changes.put("phone", phones(body));
    }
    if (body.has("email")) {
      changes.put("email", emails(body));
    }
    if (body.has("line_id")) {
      changes.put("line_id", body.text("line_id", 100));
    }
    if (body.has("note")) {
      changes.put("note", body.text("note", 2000));
    }
    if (body.has("is_active")) {
      changes.put("is_active", body.bool("is_active"));
    }
    ReferenceWrites.unique(
        "person_name",
        "reference.taken.person-name",
        () -> writes.update("contact", caller.orgId(), id, changes));
    return found(caller.orgId(), id);
  }

  private static String[] phones(JsonBody body) {
    return array(body.texts("phone", 32, MAX_ITEMS));
  }

  private static String[] emails(JsonBody body) {
    return array(body.texts("email", 254, MAX_ITEMS));
  }

  private static String[] array(List<String> texts) {
    return texts.toArray(String[]::new);
  }

  /** The body's {@code site_id}, which must be one of the organisation's sites. */
  private UUID site(UUID orgId, JsonBody body) {
    UUID siteId = body.uuid("site_id");
    if (siteId != null && references.site(orgId, siteId).isEmpty()) {
      throw ReferenceProblems.unknown("site_id", "reference.unknown.site");
    }
    return siteId;
  }

  private Contact found(UUID orgId, UUID id) {
    return references
        .contact(orgId, id)
        .orElseThrow(() -> new NotFoundException("reference.not-found.contact"));
  }
}
