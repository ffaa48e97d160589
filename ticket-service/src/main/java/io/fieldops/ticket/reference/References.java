package io.fieldops.ticket.reference;

import io.fieldops.platform.events.members.Member;
import io.fieldops.platform.events.members.OrganisationMembers;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the parts tickets refer to, always within one organisation: an id of another organisation
 * is simply not found. Employees come from the organisation members read model (auth-service's
 * events), never from a call to auth-service.
 */
@Component
public class References {

  static final String COMPANY_COLUMNS =
      "id, tax_id, name_th, name_en, address_detail, is_active, created_at, updated_at";
  static final String SITE_COLUMNS =
      "id, company_id, name, address_detail, subdistrict_code, postal_code, district_code,"
          + " province_code, map_url, is_active, created_at, updated_at";
  static final String CONTACT_COLUMNS =
      "id, site_id, person_name, nickname, phone, email, line_id, note, is_active, created_at,"
          + " updated_at";

  private final JdbcClient jdbc;
  private final OrganisationMembers members;

  References(JdbcClient jdbc, OrganisationMembers members) {
    this.jdbc = jdbc;
    this.members = members;
  }

  public Optional<WorkType> workType(UUID orgId, UUID id) {
    return Optional.ofNullable(workTypes(orgId, List.of(id)).get(id));
  }

  /** The organisation's work types among {@code ids}, by id (one query for a page of tickets). */
  public Map<UUID, WorkType> workTypes(UUID orgId, Collection<UUID> ids) {
    return byId(
        "select id, code, name_th, name_en, is_active from work_type",
        orgId,
        ids,
        WORK_TYPE,
        WorkType::id);
  }

  public Optional<TicketStatus> status(UUID orgId, UUID id) {
    return Optional.ofNullable(statuses(orgId, List.of(id)).get(id));
  }

  public Map<UUID, TicketStatus> statuses(UUID orgId, Collection<UUID> ids) {
    return byId(
        "select id, code, name_th, name_en, category, sort_order, is_active from ticket_status",
        orgId,
        ids,
        STATUS,
        TicketStatus::id);
  }

  public Optional<Company> company(UUID orgId, UUID id) {
    return Optional.ofNullable(companies(orgId, List.of(id)).get(id));
  }

  public Map<UUID, Company> companies(UUID orgId, Collection<UUID> ids) {
    return byId("select " + COMPANY_COLUMNS + " from company", orgId, ids, COMPANY, Company::id);
  }

  /** The site with its company expanded. */
  public Optional<Site> site(UUID orgId, UUID id) {
    return Optional.ofNullable(sites(orgId, List.of(id)).get(id));
  }

  /** Sites with their companies expanded: two queries, however many sites. */
  public Map<UUID, Site> sites(UUID orgId, Collection<UUID> ids) {
    Map<UUID, Site> bare =
        byId("select " + SITE_COLUMNS + " from site", orgId, ids, SITE, Site::id);
    Map<UUID, Company> companies =
        companies(
            orgId,
            bare.values().stream()
                .map(Site::companyId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
    Map<UUID, Site> sites = new LinkedHashMap<>();
    bare.forEach(
        (id, site) ->
            sites.put(
                id,
                site.companyId() == null
                    ? site
                    : withCompany(site, companies.get(site.companyId()))));
    return sites;
  }

  public Optional<Contact> contact(UUID orgId, UUID id) {
    return Optional.ofNullable(contacts(orgId, List.of(id)).get(id));
  }

  public Map<UUID, Contact> contacts(UUID orgId, Collection<UUID> ids) {
    return byId("select " + CONTACT_COLUMNS + " from contact", orgId, ids, CONTACT, Contact::id);
  }

  /** The merchandise among {@code ids} that exists in the organisation, in the order asked. */
  public List<Merchandise> merchandise(UUID orgId, Collection<UUID> ids) {
    Map<UUID, Merchandise> found = merchandiseById(orgId, ids);
    return ids.stream().filter(found::containsKey).map(found::get).toList();
  }

  public Map<UUID, Merchandise> merchandiseById(UUID orgId, Collection<UUID> ids) {
    return byId(
        "select id, site_id, name, model, serial_no, is_active from merchandise",
        orgId,
        ids,
        MERCHANDISE,
        Merchandise::id);
  }

  /** The rows of {@code select} (which ends at its table) that are the organisation's, by id. */
  private <T> Map<UUID, T> byId(
      String select,
      UUID orgId,
      Collection<UUID> ids,
      RowMapper<T> mapper,
      Function<T, UUID> idOf) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, T> found = new LinkedHashMap<>();
    jdbc.sql(select + " where org_id = :org and id in (:ids)")
        .param("org", orgId)
        .param("ids", ids.stream().distinct().toList())
        .query(mapper)
        .list()
        .forEach(row -> found.put(idOf.apply(row), row));
    return found;
  }

  /** An active staff member of the organisation. */
  public Optional<Employee> employee(UUID orgId, UUID userId) {
    return members
        .find(orgId, userId)
        .filter(Member::active)
        .filter(Member::isStaff)
        .map(Employee::of);
  }

  /** The organisation's members among {@code ids} as employees (active or not), in that order. */
  public List<Employee> employees(UUID orgId, List<UUID> ids) {
    Map<UUID, Employee> found = employeesById(orgId, ids);
    return ids.stream().filter(found::containsKey).map(found::get).toList();
  }

  /** The organisation's members among {@code ids} as employees (active or not), by id. */
  public Map<UUID, Employee> employeesById(UUID orgId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Employee> found = new LinkedHashMap<>();
    members
        .find(orgId, ids.stream().distinct().toList())
        .forEach((id, member) -> found.put(id, Employee.of(member)));
    return found;
  }

  /** One piece of merchandise of the organisation, active or not. */
  public Optional<Merchandise> merchandise(UUID orgId, UUID id) {
    return Optional.ofNullable(merchandiseById(orgId, List.of(id)).get(id));
  }

  /** Whether any ticket links the merchandise (the link pins it to the ticket's site). */
  public boolean merchandiseOnTickets(UUID merchandiseId) {
    return jdbc.sql("select exists (select 1 from ticket_merchandise where merchandise_id = :id)")
        .param("id", merchandiseId)
        .query(Boolean.class)
        .single();
  }

  static Site withCompany(Site s, Company company) {
    return new Site(
        s.id(),
        s.companyId(),
        s.name(),
        s.addressDetail(),
        s.subdistrictCode(),
        s.postalCode(),
        s.districtCode(),
        s.provinceCode(),
        s.mapUrl(),
        s.isActive(),
        s.createdAt(),
        s.updatedAt(),
        company);
  }

  static final RowMapper<WorkType> WORK_TYPE =
      (rs, n) ->
          new WorkType(
              rs.getObject("id", UUID.class),
              rs.getString("code"),
              rs.getString("name_th"),
              rs.getString("name_en"),
              rs.getBoolean("is_active"));

  static final RowMapper<TicketStatus> STATUS =
      (rs, n) ->
          new TicketStatus(
              rs.getObject("id", UUID.class),
              rs.getString("code"),
              rs.getString("name_th"),
              rs.getString("name_en"),
              rs.getString("category"),
              rs.getInt("sort_order"),
              rs.getBoolean("is_active"));

  static final RowMapper<Company> COMPANY =
      (rs, n) ->
          new Company(
              rs.getObject("id", UUID.class),
              rs.getString("tax_id"),
              rs.getString("name_th"),
              rs.getString("name_en"),
              rs.getString("address_detail"),
              rs.getBoolean("is_active"),
              instant(rs, "created_at"),
              instant(rs, "updated_at"));

  static final RowMapper<Site> SITE =
      (rs, n) ->
          new Site(
              rs.getObject("id", UUID.class),
              rs.getObject("company_id", UUID.class),
              rs.getString("name"),
              rs.getString("address_detail"),
              (Integer) rs.getObject("subdistrict_code"),
              (Integer) rs.getObject("postal_code"),
              (Integer) rs.getObject("district_code"),
              (Integer) rs.getObject("province_code"),
              rs.getString("map_url"),
              rs.getBoolean("is_active"),
              instant(rs, "created_at"),
              instant(rs, "updated_at"),
              null);

  static final RowMapper<Contact> CONTACT =
      (rs, n) ->
          new Contact(
              rs.getObject("id", UUID.class),
              rs.getObject("site_id", UUID.class),
              rs.getString("person_name"),
              rs.getString("nickname"),
              strings(rs.getArray("phone")),
              strings(rs.getArray("email")),
              rs.getString("line_id"),
              rs.getString("note"),
              rs.getBoolean("is_active"),
              instant(rs, "created_at"),
              instant(rs, "updated_at"));

  static final RowMapper<Merchandise> MERCHANDISE =
      (rs, n) ->
          new Merchandise(
              rs.getObject("id", UUID.class),
              rs.getObject("site_id", UUID.class),
              rs.getString("name"),
              rs.getString("model"),
              rs.getString("serial_no"),
              rs.getBoolean("is_active"));

  static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
