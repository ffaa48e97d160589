package io.fieldops.ticket.master;

import static io.fieldops.ticket.master.MasterReader.date;
import static io.fieldops.ticket.master.MasterReader.integer;
import static io.fieldops.ticket.master.MasterReader.object;
import static io.fieldops.ticket.master.MasterReader.text;
import static io.fieldops.ticket.master.MasterReader.texts;
import static io.fieldops.ticket.master.MasterReader.time;
import static io.fieldops.ticket.master.MasterReader.uuid;
import static io.fieldops.ticket.master.MasterReader.uuids;

import io.fieldops.platform.error.BadRequestException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Seed 003's master request, read from its JSON tree so that each member is absent, null or a value
 * ({@link Part}): the same structure serves the create (where absent and null both mean "none") and
 * the update (where absent keeps, null unlinks or clears, a value sets).
 */
record MasterRequest(
    Part<TicketPart> ticket,
    Part<CompanyPart> company,
    Part<SitePart> site,
    Part<ContactPart> contact,
    Part<AppointmentPart> appointment,
    Part<List<UUID>> employeeIds,
    Part<List<UUID>> merchandiseIds) {

  static final Set<String> MEMBERS =
      Set.of(
          "ticket", "company", "site", "contact", "appointment", "employee_ids", "merchandise_ids");
  static final Pattern TAX_ID = Pattern.compile("\\d{13}");

  record TicketPart(
      Part<String> details,
      Part<UUID> workTypeId,
      Part<UUID> assignerId,
      Part<UUID> statusId,
      Part<String> additional) {
    static final Set<String> MEMBERS =
        Set.of("details", "work_type_id", "assigner_id", "status_id", "additional");
  }

  record CompanyPart(
      String taxId, Part<String> nameTh, Part<String> nameEn, Part<String> addressDetail) {
    static final Set<String> MEMBERS = Set.of("tax_id", "name_th", "name_en", "address_detail");
  }

  record SitePart(
      Part<UUID> id,
      Part<String> name,
      Part<String> addressDetail,
      Part<Integer> subdistrictCode,
      Part<Integer> postalCode,
      Part<Integer> districtCode,
      Part<Integer> provinceCode,
      Part<String> mapUrl,
      Part<UUID> companyId) {
    static final Set<String> MEMBERS =
        Set.of(
            "id",
            "name",
            "address_detail",
            "subdistrict_code",
            "postal_code",
            "district_code",
            "province_code",
            "map_url",
            "company_id");
  }

  record ContactPart(
      Part<UUID> id,
      Part<String> personName,
      Part<String> nickname,
      Part<List<String>> phone,
      Part<List<String>> email,
      Part<String> lineId,
      Part<String> note) {
    static final Set<String> MEMBERS =
        Set.of("id", "person_name", "nickname", "phone", "email", "line_id", "note");
  }

  /** Appointment types of seed 003. */
  static final Set<String> APPOINTMENT_TYPES = Set.of("call_to_schedule", "scheduled", "backlog");

  record AppointmentPart(
      Part<LocalDate> date, Part<LocalTime> start, Part<LocalTime> end, Part<String> type) {
    static final Set<String> MEMBERS =
        Set.of(
            "appointment_date",
            "appointment_time_start",
            "appointment_time_end",
            "appointment_type");
  }

  /** Reads and checks everything that needs no database; a body that is not an object is a 400. */
  static MasterRequest read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new BadRequestException("ticket.invalid.body");
    }
    MasterReader.onlyKnown(body, "", MEMBERS);
    return new MasterRequest(
        object(body, "ticket", TicketPart.MEMBERS).map(MasterRequest::ticket),
        object(body, "company", CompanyPart.MEMBERS).map(MasterRequest::company),
        object(body, "site", SitePart.MEMBERS).map(MasterRequest::site),
        object(body, "contact", ContactPart.MEMBERS).map(MasterRequest::contact),
        object(body, "appointment", AppointmentPart.MEMBERS).map(MasterRequest::appointment),
        uuids(body, "employee_ids"),
        uuids(body, "merchandise_ids"));
  }

  private static TicketPart ticket(JsonNode node) {
    String p = "ticket.";
    return new TicketPart(
        text(node, p, "details", 5000),
        uuid(node, p, "work_type_id"),
        uuid(node, p, "assigner_id"),
        uuid(node, p, "status_id"),
        text(node, p, "additional", 5000));
  }

  private static CompanyPart company(JsonNode node) {
    String p = "company.";
    String taxId =
        text(node, p, "tax_id", 13)
            .value()
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "ticket.required.tax-id",
                        Map.of("company.tax_id", "ticket.required.tax-id")));
    if (!TAX_ID.matcher(taxId).matches()) {
      throw MasterReader.invalid("company.tax_id", "ticket.invalid.tax-id");
    }
    return new CompanyPart(
        taxId,
        text(node, p, "name_th", 300),
        text(node, p, "name_en", 300),
        text(node, p, "address_detail", 1000));
  }

  private static SitePart site(JsonNode node) {
    String p = "site.";
    return new SitePart(
        uuid(node, p, "id"),
        text(node, p, "name", 300),
        text(node, p, "address_detail", 1000),
        integer(node, p, "subdistrict_code"),
        integer(node, p, "postal_code"),
        integer(node, p, "district_code"),
        integer(node, p, "province_code"),
        text(node, p, "map_url", 2000),
        uuid(node, p, "company_id"));
  }

  private static ContactPart contact(JsonNode node) {
    String p = "contact.";
    return new ContactPart(
        uuid(node, p, "id"),
        text(node, p, "person_name", 300),
        text(node, p, "nickname", 100),
        texts(node, p, "phone", 32),
        texts(node, p, "email", 254),
        text(node, p, "line_id", 100),
        text(node, p, "note", 2000));
  }

  private static AppointmentPart appointment(JsonNode node) {
    String p = "appointment.";
    Part<String> type = text(node, p, "appointment_type", 20);
    type.value()
        .filter(t -> !APPOINTMENT_TYPES.contains(t))
        .ifPresent(
            t -> {
              throw MasterReader.invalid(p + "appointment_type", "ticket.invalid.appointment-type");
            });
    return new AppointmentPart(
        date(node, p, "appointment_date"),
        time(node, p, "appointment_time_start"),
        time(node, p, "appointment_time_end"),
        type);
  }
}
