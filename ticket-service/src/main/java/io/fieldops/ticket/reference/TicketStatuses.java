package io.fieldops.ticket.reference;

import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Level;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The organisation's ticket statuses, in their {@code sort_order}: any staff member reads them, a
 * supervisor (level 2) or admin adds and changes them (names, category, order, active). A status is
 * deactivated, never deleted: tickets refer to it.
 */
@Service
public class TicketStatuses implements ReferenceKind<TicketStatus> {

  static final Set<String> CREATE = Set.of("code", "name_th", "name_en", "category", "sort_order");
  static final Set<String> CHANGE =
      Set.of("code", "name_th", "name_en", "category", "sort_order", "is_active");

  private final References references;
  private final ReferenceDefaults defaults;
  private final ReferenceLists lists;
  private final ReferenceWrites writes;

  TicketStatuses(
      References references,
      ReferenceDefaults defaults,
      ReferenceLists lists,
      ReferenceWrites writes) {
    this.references = references;
    this.defaults = defaults;
    this.lists = lists;
    this.writes = writes;
  }

  /** A new organisation sees its defaults (Thai and English) on its first look. */
  public ReferencePage<TicketStatus> list(
      CurrentUser caller, boolean includeInactive, Paging paging) {
    caller.requireStaff();
    paging.check();
    defaults.ensure(caller.orgId());
    return lists.statuses(caller.orgId(), includeInactive, paging);
  }

  @Override
  public TicketStatus get(CurrentUser caller, UUID id) {
    caller.requireStaff();
    return found(caller.orgId(), id);
  }

  /** Without a {@code sort_order} the new status goes last. */
  @Override
  public TicketStatus create(CurrentUser caller, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    JsonBody body = JsonBody.of(json, CREATE);
    Map<String, Object> values = NamedCodes.created(body);
    values.put("category", category(body));
    Integer sortOrder = body.integer("sort_order");
    // defaults first: an organisation with any status of its own never gets them (WorkTypes)
    defaults.ensure(caller.orgId());
    values.put("sort_order", sortOrder != null ? sortOrder : writes.nextSortOrder(caller.orgId()));
    UUID id =
        ReferenceWrites.unique(
            "code",
            "reference.taken.code",
            () -> writes.insert("ticket_status", caller.orgId(), values));
    return found(caller.orgId(), id);
  }

  @Override
  @Transactional
  public TicketStatus change(CurrentUser caller, UUID id, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    JsonBody body = JsonBody.of(json, CHANGE);
    body.refuseChangeOf("code");
    found(caller.orgId(), id);
    Map<String, Object> changes = NamedCodes.changes(body, own -> categoryAndOrder(body, own));
    writes.update("ticket_status", caller.orgId(), id, changes);
    return found(caller.orgId(), id);
  }

  /** The category and order a change sends; an order sent as {@code null} is refused. */
  private static void categoryAndOrder(JsonBody body, Map<String, Object> changes) {
    if (body.has("category")) {
      changes.put("category", category(body));
    }
    if (body.has("sort_order")) {
      Integer sortOrder = body.integer("sort_order");
      if (sortOrder == null) {
        throw ReferenceProblems.required("sort_order");
      }
      changes.put("sort_order", sortOrder);
    }
  }

  private static String category(JsonBody body) {
    String category = body.requiredText("category", 20);
    if (!ReferenceRules.isCategory(category)) {
      throw ReferenceProblems.invalid("category", "reference.invalid.category");
    }
    return category;
  }

  private TicketStatus found(UUID orgId, UUID id) {
    return references
        .status(orgId, id)
        .orElseThrow(() -> new NotFoundException("reference.not-found.status"));
  }
}
