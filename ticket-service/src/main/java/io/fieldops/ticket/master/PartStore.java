package io.fieldops.ticket.master;

import io.fieldops.ticket.master.MasterRequest.AppointmentPart;
import io.fieldops.ticket.master.MasterRequest.CompanyPart;
import io.fieldops.ticket.master.MasterRequest.ContactPart;
import io.fieldops.ticket.master.MasterRequest.SitePart;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seed 003's find-or-create of a ticket's parts, each one statement that concurrency cannot split:
 * {@code INSERT … ON CONFLICT} on the part's unique key (company: tax id; site: name within its
 * company; contact: person's name at its site) either creates the row or updates the one that is
 * there, and answers its id. Members a request leaves out keep their stored values ({@code
 * coalesce}). Runs inside the master write's transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class PartStore {

  private final JdbcClient jdbc;

  PartStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  UUID company(UUID orgId, CompanyPart company, Instant now) {
    return jdbc.sql(
            """
            insert into company (id, org_id, tax_id, name_th, name_en, address_detail, created_at,
                                 updated_at)
            values (:id, :org, :tax, :th, :en, :address, :now, :now)
            on conflict on constraint company_tax_id_per_organisation do update set
              name_th = coalesce(excluded.name_th, company.name_th),
              name_en = coalesce(excluded.name_en, company.name_en),
              address_detail = coalesce(excluded.address_detail, company.address_detail),
              updated_at = excluded.updated_at
            returning id
            """)
        .param("id", UUID.randomUUID())
        .param("org", orgId)
        .param("tax", company.taxId())
        .param("th", company.nameTh().orNull())
        .param("en", company.nameEn().orNull())
        .param("address", company.addressDetail().orNull())
        .param("now", Timestamp.from(now))
        .query(UUID.class)
        .single();
  }

  /** Found by name within its company (or among sites without one), else created. */
  UUID site(UUID orgId, UUID companyId, String name, SitePart site, Instant now) {
    return jdbc.sql(
            """
            insert into site (id, org_id, company_id, name, address_detail, subdistrict_code,
                              postal_code, district_code, province_code, map_url, created_at,
                              updated_at)
            values (:id, :org, :company, :name, :address, :subdistrict, :postal, :district,
                    :province, :map, :now, :now)
            on conflict on constraint site_name_per_company do update set
              address_detail = coalesce(excluded.address_detail, site.address_detail),
              subdistrict_code = coalesce(excluded.subdistrict_code, site.subdistrict_code),
              postal_code = coalesce(excluded.postal_code, site.postal_code),
              district_code = coalesce(excluded.district_code, site.district_code),
              province_code = coalesce(excluded.province_code, site.province_code),
              map_url = coalesce(excluded.map_url, site.map_url),
              updated_at = excluded.updated_at
            returning id
            """)
        .param("id", UUID.randomUUID())
        .param("org", orgId)
        .param("company", companyId)
        .param("name", name)
        .param("address", site.addressDetail().orNull())
        .param("subdistrict", site.subdistrictCode().orNull())
        .param("postal", site.postalCode().orNull())
        .param("district", site.districtCode().orNull())
        .param("province", site.provinceCode().orNull())
        .param("map", site.mapUrl().orNull())
        .param("now", Timestamp.from(now))
        .query(UUID.class)
        .single();
  }

  /** An existing site named by id: the members the request gives replace the stored ones. */
  void updateSite(UUID orgId, UUID siteId, SitePart site, Instant now) {
    jdbc.sql(
            """
            update site set
              name = coalesce(:name, name),
              address_detail = coalesce(:address, address_detail),
              subdistrict_code = coalesce(:subdistrict, subdistrict_code),
              postal_code = coalesce(:postal, postal_code),
              district_code = coalesce(:district, district_code),
              province_code = coalesce(:province, province_code),
              map_url = coalesce(:map, map_url),
              updated_at = :now
            where org_id = :org and id = :id
            """)
        .param("name", site.name().orNull())
        .param("address", site.addressDetail().orNull())
        .param("subdistrict", site.subdistrictCode().orNull())
        .param("postal", site.postalCode().orNull())
        .param("district", site.districtCode().orNull())
        .param("province", site.provinceCode().orNull())
        .param("map", site.mapUrl().orNull())
        .param("now", Timestamp.from(now))
        .param("org", orgId)
        .param("id", siteId)
        .update();
  }

  /** Found by the person's name at the site (or among contacts without one), else created. */
  UUID contact(UUID orgId, UUID siteId, String personName, ContactPart contact, Instant now) {
    return jdbc.sql(
            """
            insert into contact (id, org_id, site_id, person_name, nickname, phone, email, line_id,
                                 note, created_at, updated_at)
            values (:id, :org, :site, :name, :nickname, coalesce(:phone, '{}'::text[]),
                    coalesce(:email, '{}'::text[]), :line, :note, :now, :now)
            on conflict on constraint contact_person_per_site do update set
              nickname = coalesce(excluded.nickname, contact.nickname),
              phone = case when :phone::text[] is null then contact.phone else excluded.phone end,
              email = case when :email::text[] is null then contact.email else excluded.email end,
              line_id = coalesce(excluded.line_id, contact.line_id),
              note = coalesce(excluded.note, contact.note),
              updated_at = excluded.updated_at
            returning id
            """)
        .param("id", UUID.randomUUID())
        .param("org", orgId)
        .param("site", siteId)
        .param("name", personName)
        .param("nickname", contact.nickname().orNull())
        .param("phone", array(contact.phone().orNull()))
        .param("email", array(contact.email().orNull()))
        .param("line", contact.lineId().orNull())
        .param("note", contact.note().orNull())
        .param("now", Timestamp.from(now))
        .query(UUID.class)
        .single();
  }

  void updateContact(UUID orgId, UUID contactId, ContactPart contact, Instant now) {
    jdbc.sql(
            """
            update contact set
              person_name = coalesce(:name, person_name),
              nickname = coalesce(:nickname, nickname),
              phone = coalesce(:phone::text[], phone),
              email = coalesce(:email::text[], email),
              line_id = coalesce(:line, line_id),
              note = coalesce(:note, note),
              updated_at = :now
            where org_id = :org and id = :id
            """)
        .param("name", contact.personName().orNull())
        .param("nickname", contact.nickname().orNull())
        .param("phone", array(contact.phone().orNull()))
        .param("email", array(contact.email().orNull()))
        .param("line", contact.lineId().orNull())
        .param("note", contact.note().orNull())
        .param("now", Timestamp.from(now))
        .param("org", orgId)
        .param("id", contactId)
        .update();
  }

  UUID newAppointment(UUID orgId, Appointment appointment, Instant now) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into appointment (id, org_id, appointment_date, appointment_time_start,
                                     appointment_time_end, appointment_type, created_at,
                                     updated_at)
            values (:id, :org, :date, :start, :end, :type, :now, :now)
            """)
        .param("id", id)
        .param("org", orgId)
        .param("date", appointment.date())
        .param("start", appointment.start())
        .param("end", appointment.end())
        .param("type", appointment.type())
        .param("now", Timestamp.from(now))
        .update();
    return id;
  }

  void updateAppointment(UUID appointmentId, Appointment appointment, Instant now) {
    jdbc.sql(
            """
            update appointment set appointment_date = :date, appointment_time_start = :start,
              appointment_time_end = :end, appointment_type = :type, updated_at = :now
            where id = :id
            """)
        .param("date", appointment.date())
        .param("start", appointment.start())
        .param("end", appointment.end())
        .param("type", appointment.type())
        .param("now", Timestamp.from(now))
        .param("id", appointmentId)
        .update();
  }

  /** The stored appointment, to merge an update into. */
  Appointment appointment(UUID appointmentId) {
    return jdbc.sql(
            "select appointment_date, appointment_time_start, appointment_time_end,"
                + " appointment_type from appointment where id = :id")
        .param("id", appointmentId)
        .query(
            (rs, n) ->
                new Appointment(
                    rs.getObject("appointment_date", java.time.LocalDate.class),
                    rs.getObject("appointment_time_start", java.time.LocalTime.class),
                    rs.getObject("appointment_time_end", java.time.LocalTime.class),
                    rs.getString("appointment_type")))
        .single();
  }

  void deleteAppointment(UUID appointmentId) {
    jdbc.sql("delete from appointment where id = :id").param("id", appointmentId).update();
  }

  /** An appointment's members after a request: the stored ones with what the request gave. */
  record Appointment(
      java.time.LocalDate date, java.time.LocalTime start, java.time.LocalTime end, String type) {

    static Appointment merged(Appointment current, AppointmentPart part) {
      Appointment base = current == null ? new Appointment(null, null, null, null) : current;
      return new Appointment(
          part.date().merge(base.date()),
          part.start().merge(base.start()),
          part.end().merge(base.end()),
          part.type().merge(base.type()));
    }

    boolean endsAfterItStarts() {
      return start == null || end == null || end.isAfter(start);
    }
  }

  private static String[] array(List<String> values) {
    return values == null ? null : values.toArray(String[]::new);
  }
}
