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
 * The organisation's work types: any staff member reads them, a supervisor (level 2) or admin adds
 * and changes them. A work type is deactivated, never deleted: tickets refer to it.
 */
@Service
public class WorkTypes implements ReferenceKind<WorkType> {

  static final Set<String> CREATE = Set.of("code", "name_th", "name_en");
  static final Set<String> CHANGE = Set.of("code", "name_th", "name_en", "is_active");

  private final References references;
  private final ReferenceDefaults defaults;
  private final ReferenceLists lists;
  private final ReferenceWrites writes;

  WorkTypes(
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
  public ReferencePage<WorkType> list(CurrentUser caller, boolean includeInactive, Paging paging) {
    caller.requireStaff();
    paging.check();
    defaults.ensure(caller.orgId());
    return lists.workTypes(caller.orgId(), includeInactive, paging);
  }

  @Override
  public WorkType get(CurrentUser caller, UUID id) {
    caller.requireStaff();
    return found(caller.orgId(), id);
  }

  @Override
  public WorkType create(CurrentUser caller, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    Map<String, Object> values = NamedCodes.created(JsonBody.of(json, CREATE));
    // Defaults come only to an organisation with no work type at all: were its first work type a
    // custom one, it would never get them. So they come first (and "repair" is then taken).
    defaults.ensure(caller.orgId());
    UUID id =
        ReferenceWrites.unique(
            "code",
            "reference.taken.code",
            () -> writes.insert("work_type", caller.orgId(), values));
    return found(caller.orgId(), id);
  }

  @Override
  @Transactional
  public WorkType change(CurrentUser caller, UUID id, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    JsonBody body = JsonBody.of(json, CHANGE);
    body.refuseChangeOf("code");
    found(caller.orgId(), id);
    Map<String, Object> changes = NamedCodes.changes(body);
    writes.update("work_type", caller.orgId(), id, changes);
    return found(caller.orgId(), id);
  }

  private WorkType found(UUID orgId, UUID id) {
    return references
        .workType(orgId, id)
        .orElseThrow(() -> new NotFoundException("reference.not-found.work-type"));
  }
}
