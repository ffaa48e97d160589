package io.fieldops.ticket.reference;

import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Level;
import java.util.LinkedHashMap;
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
public class WorkTypes {

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

  public WorkType get(CurrentUser caller, UUID id) {
    caller.requireStaff();
    return found(caller.orgId(), id);
  }

  public WorkType create(CurrentUser caller, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    JsonBody body = JsonBody.of(json, CREATE);
    String code = body.requiredText("code", 50);
    if (!ReferenceRules.isCode(code)) {
      throw ReferenceProblems.invalid("code", "reference.invalid.code");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("code", code);
    values.put("name_th", body.requiredText("name_th", 200));
    values.put("name_en", body.requiredText("name_en", 200));
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

  @Transactional
  public WorkType change(CurrentUser caller, UUID id, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    JsonBody body = JsonBody.of(json, CHANGE);
    body.refuseChangeOf("code");
    found(caller.orgId(), id);
    Map<String, Object> changes = new LinkedHashMap<>();
    if (body.has("name_th")) {
      changes.put("name_th", body.requiredText("name_th", 200));
    }
    if (body.has("name_en")) {
      changes.put("name_en", body.requiredText("name_en", 200));
    }
    if (body.has("is_active")) {
      changes.put("is_active", body.bool("is_active"));
    }
    writes.update("work_type", caller.orgId(), id, changes);
    return found(caller.orgId(), id);
  }

  private WorkType found(UUID orgId, UUID id) {
    return references
        .workType(orgId, id)
        .orElseThrow(() -> new NotFoundException("reference.not-found.work-type"));
  }
}
