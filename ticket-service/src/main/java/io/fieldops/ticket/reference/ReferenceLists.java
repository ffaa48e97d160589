package io.fieldops.ticket.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reference lists, one page at a time, always within one organisation. Inactive rows are left
 * out unless asked for; {@code search} matches any of a list's searchable columns, ignoring case.
 */
@Component
class ReferenceLists {

  private final JdbcClient jdbc;

  ReferenceLists(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  ReferencePage<WorkType> workTypes(UUID orgId, boolean includeInactive, Paging paging) {
    return new Query("work_type", "id, code, name_th, name_en, is_active", orgId)
        .activeOnly(!includeInactive)
        .search(paging, "code", "name_th", "name_en")
        .page("code, id", References.WORK_TYPE, paging);
  }

  ReferencePage<TicketStatus> statuses(UUID orgId, boolean includeInactive, Paging paging) {
    return new Query(
            "ticket_status", "id, code, name_th, name_en, category, sort_order, is_active", orgId)
        .activeOnly(!includeInactive)
        .search(paging, "code", "name_th", "name_en")
        .page("sort_order, code, id", References.STATUS, paging);
  }

  ReferencePage<Company> companies(UUID orgId, boolean includeInactive, Paging paging) {
    return new Query("company", References.COMPANY_COLUMNS, orgId)
        .activeOnly(!includeInactive)
        .search(paging, "tax_id", "name_th", "name_en")
        .page("lower(coalesce(name_th, name_en, '')), tax_id, id", References.COMPANY, paging);
  }

  /** Sites with their company expanded, as one site is answered. */
  ReferencePage<Site> sites(UUID orgId, UUID companyId, boolean includeInactive, Paging paging) {
    ReferencePage<Site> page =
        new Query("site", References.SITE_COLUMNS, orgId)
            .activeOnly(!includeInactive)
            .equal("company_id", companyId)
            .search(paging, "name")
            .page("lower(name), id", References.SITE, paging);
    Map<UUID, Company> companies =
        companies(
            orgId, page.results().stream().map(Site::companyId).filter(Objects::nonNull).toList());
    return new ReferencePage<>(
        page.count(),
        page.page(),
        page.size(),
        page.results().stream()
            .map(
                site ->
                    site.companyId() == null
                        ? site
                        : References.withCompany(site, companies.get(site.companyId())))
            .toList());
  }

  ReferencePage<Contact> contacts(UUID orgId, UUID siteId, boolean includeInactive, Paging paging) {
    return new Query("contact", References.CONTACT_COLUMNS, orgId)
        .activeOnly(!includeInactive)
        .equal("site_id", siteId)
        .search(paging, "person_name", "nickname")
        .page("lower(person_name), id", References.CONTACT, paging);
  }

  ReferencePage<Merchandise> merchandise(
      UUID orgId, UUID siteId, boolean includeInactive, Paging paging) {
    return new Query("merchandise", "id, site_id, name, model, serial_no, is_active", orgId)
        .activeOnly(!includeInactive)
        .equal("site_id", siteId)
        .search(paging, "name", "model", "serial_no")
        .page("lower(name), serial_no, id", References.MERCHANDISE, paging);
  }

  private Map<UUID, Company> companies(UUID orgId, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql(
            "select "
                + References.COMPANY_COLUMNS
                + " from company where org_id = :org and id in (:ids)")
        .param("org", orgId)
        .param("ids", ids.stream().distinct().toList())
        .query(References.COMPANY)
        .list()
        .stream()
        .collect(Collectors.toMap(Company::id, Function.identity()));
  }

  /** One list's conditions, built from constants; every value is a bound parameter. */
  private final class Query {

    private final String table;
    private final String columns;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    Query(String table, String columns, UUID orgId) {
      this.table = table;
      this.columns = columns;
      conditions.add("org_id = :org");
      params.put("org", orgId);
    }

    Query activeOnly(boolean activeOnly) {
      if (activeOnly) {
        conditions.add("is_active");
      }
      return this;
    }

    /** {@code column = value}, when a value is given. */
    Query equal(String column, Object value) {
      if (value != null) {
        conditions.add(column + " = :" + column);
        params.put(column, value);
      }
      return this;
    }

    Query search(Paging paging, String... searchable) {
      if (paging.search() != null) {
        List<String> any = new ArrayList<>();
        for (String column : searchable) {
          any.add("lower(" + column + ") like :search escape '\\'");
        }
        conditions.add("(" + String.join(" or ", any) + ")");
        params.put("search", paging.likePattern());
      }
      return this;
    }

    <T> ReferencePage<T> page(String orderBy, RowMapper<T> mapper, Paging paging) {
      paging.check();
      String where = " from " + table + " where " + String.join(" and ", conditions);
      long count = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
      List<T> rows =
          jdbc.sql(
                  "select "
                      + columns
                      + where
                      + " order by "
                      + orderBy
                      + " limit :limit offset :offset")
              .params(params)
              .param("limit", paging.size())
              .param("offset", paging.offset())
              .query(mapper)
              .list();
      return new ReferencePage<>(count, paging.page(), paging.size(), rows);
    }
  }
}
