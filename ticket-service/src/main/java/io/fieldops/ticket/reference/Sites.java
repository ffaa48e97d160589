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
 * The places where work is done, each usually a company's, one per name within its company (or
 * among sites without one): any staff member reads them with their company expanded, a supervisor
 * (level 2) or admin adds and changes them.
 */
@Service
public class Sites implements ReferenceKind<Site> {

  static final Set<String> MEMBERS =
      Set.of(
          "company_id",
          "name",
          "address_detail",
          "subdistrict_code",
          "postal_code",
          "district_code",
          "province_code",
          "map_url",
          "is_active");
  private static final Set<String> CODES =
      Set.of("subdistrict_code", "postal_code", "district_code", "province_code");
  private static final Set<String> CREATE =
      MEMBERS.stream()
          .filter(member -> !member.equals("is_active"))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private final References references;
  private final ReferenceLists lists;
  private final ReferenceWrites writes;

  Sites(References references, ReferenceLists lists, ReferenceWrites writes) {
    this.references = references;
    this.lists = lists;
    this.writes = writes;
  }

  /** {@code companyId} narrows the list to one company's sites. */
  public ReferencePage<Site> list(
      CurrentUser caller, UUID companyId, boolean includeInactive, Paging paging) {
    caller.requireStaff();
    paging.check();
    return lists.sites(caller.orgId(), companyId, includeInactive, paging);
  }

  @Override
  public Site get(CurrentUser caller, UUID id) {
    caller.requireStaff();
    return found(caller.orgId(), id);
  }

  @Override
  public Site create(CurrentUser caller, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    JsonBody body = JsonBody.of(json, CREATE);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", body.requiredText("name", 300));
    values.put("company_id", company(caller.orgId(), body));
    values.put("address_detail", body.text("address_detail", 1000));
    for (String code : CODES) {
      values.put(code, body.integer(code));
    }
    values.put("map_url", body.text("map_url", 2000));
    UUID id =
        ReferenceWrites.unique(
            "name",
            "reference.taken.site-name",
            () -> writes.insert("site", caller.orgId(), values));
    return found(caller.orgId(), id);
  }

  /**
   * Members left out keep their values; {@code null} clears one ({@code company_id: null} makes it
   * a site without a company). The name stays required.
   */
  @Override
  @Transactional
  public Site change(CurrentUser caller, UUID id, JsonNode json) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    JsonBody body = JsonBody.of(json, MEMBERS);
    found(caller.orgId(), id);
    Map<String, Object> changes = new LinkedHashMap<>();
    if (body.has("name")) {
      changes.put("name", body.requiredText("name", 300));
    }
    if (body.has("company_id")) {
      changes.put("company_id", company(caller.orgId(), body));
    }
    if (body.has("address_detail")) {
      changes.put("address_detail", body.text("address_detail", 1000));
    }
    for (String code : CODES) {
      if (body.has(code)) {
        changes.put(code, body.integer(code));
      }
    }
    if (body.has("map_url")) {
      changes.put("map_url", body.text("map_url", 2000));
    }
    if (body.has("is_active")) {
      changes.put("is_active", body.bool("is_active"));
    }
    ReferenceWrites.unique(
        "name",
        "reference.taken.site-name",
        () -> writes.update("site", caller.orgId(), id, changes));
    return found(caller.orgId(), id);
  }

  /** The body's {@code company_id}, which must be one of the organisation's companies. */
  private UUID company(UUID orgId, JsonBody body) {
    UUID companyId = body.uuid("company_id");
    if (companyId != null && references.company(orgId, companyId).isEmpty()) {
      throw ReferenceProblems.unknown("company_id", "reference.unknown.company");
    }
    return companyId;
  }

  private Site found(UUID orgId, UUID id) {
    return references
        .site(orgId, id)
        .orElseThrow(() -> new NotFoundException("reference.not-found.site"));
  }
}
