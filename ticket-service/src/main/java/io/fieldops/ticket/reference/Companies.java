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
 * The organisation's customer companies, one per 13-digit tax id: any staff member finds them (by
 * tax id or name), a supervisor (level 2) or admin adds and changes them.
 */
@Service
public class Companies implements ReferenceKind<Company> {

  static final Set<String> MEMBERS =
      Set.of("tax_id", "name_th", "name_en", "address_detail", "is_active");
  private static final Set<String> CREATE =
      Set.of("tax_id", "name_th", "name_en", "address_detail");

  private final References references;
  private final ReferenceLists lists;
  private final ReferenceWrites writes;

  Companies(References references, ReferenceLists lists, ReferenceWrites writes) {
    this.references = references;
    this.lists = lists;
    this.writes = writes;
  }

  public ReferencePage<Company> list(CurrentUser caller, boolean includeInactive, Paging paging) {
    caller.requireStaff();
    paging.check();
    return lists.companies(caller.orgId(), includeInactive, paging);
  }

  @Override
  public Company get(CurrentUser caller, UUID id) {
    caller.requireStaff();
    return found(caller.orgId(), id);
  }

  @Override
  public Company create(CurrentUser caller, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    JsonBody body = JsonBody.of(json, CREATE);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("tax_id", taxId(body));
    values.put("name_th", body.text("name_th", 300));
    values.put("name_en", body.text("name_en", 300));
    values.put("address_detail", body.text("address_detail", 1000));
    UUID id =
        ReferenceWrites.unique(
            "tax_id",
            "reference.taken.tax-id",
            () -> writes.insert("company", caller.orgId(), values));
    return found(caller.orgId(), id);
  }

  /** Members left out keep their values; {@code null} clears a name or the address. */
  @Override
  @Transactional
  public Company change(CurrentUser caller, UUID id, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    JsonBody body = JsonBody.of(json, MEMBERS);
    found(caller.orgId(), id);
    Map<String, Object> changes = new LinkedHashMap<>();
    if (body.has("tax_id")) {
      changes.put("tax_id", taxId(body));
    }
    for (String name : new String[] {"name_th", "name_en"}) {
      if (body.has(name)) {
        changes.put(name, body.text(name, 300));
      }
    }
    if (body.has("address_detail")) {
      changes.put("address_detail", body.text("address_detail", 1000));
    }
    if (body.has("is_active")) {
      changes.put("is_active", body.bool("is_active"));
    }
    ReferenceWrites.unique(
        "tax_id",
        "reference.taken.tax-id",
        () -> writes.update("company", caller.orgId(), id, changes));
    return found(caller.orgId(), id);
  }

  private static String taxId(JsonBody body) {
    String taxId = body.text("tax_id", 100);
    if (taxId == null) {
      throw ReferenceProblems.required("tax_id");
    }
    if (!ReferenceRules.isTaxId(taxId)) {
      throw ReferenceProblems.invalid("tax_id", "reference.invalid.tax-id");
    }
    return taxId;
  }

  private Company found(UUID orgId, UUID id) {
    return references
        .company(orgId, id)
        .orElseThrow(() -> new NotFoundException("reference.not-found.company"));
  }
}
