package io.fieldops.ticket.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.error.BadRequestException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 003's update rules for every member: omitted is absent (keep), {@code null} is cleared
 * (unlink or clear), a value is that value; and each member's malformed values are refused naming
 * it.
 */
class MasterRequestTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ID = "123e4567-e89b-12d3-a456-426614174001";

  /** A member (parent object or top level), a valid value as JSON, and how to read it back. */
  static Stream<Arguments> members() {
    return Stream.of(
        member("ticket", "details", "\"x\"", r -> r.ticket().orNull().details()),
        member("ticket", "work_type_id", q(ID), r -> r.ticket().orNull().workTypeId()),
        member("ticket", "assigner_id", q(ID), r -> r.ticket().orNull().assignerId()),
        member("ticket", "status_id", q(ID), r -> r.ticket().orNull().statusId()),
        member("ticket", "additional", "\"x\"", r -> r.ticket().orNull().additional()),
        member("company", "name_th", "\"x\"", r -> r.company().orNull().nameTh()),
        member("company", "name_en", "\"x\"", r -> r.company().orNull().nameEn()),
        member("company", "address_detail", "\"x\"", r -> r.company().orNull().addressDetail()),
        member("site", "id", q(ID), r -> r.site().orNull().id()),
        member("site", "name", "\"x\"", r -> r.site().orNull().name()),
        member("site", "address_detail", "\"x\"", r -> r.site().orNull().addressDetail()),
        member("site", "subdistrict_code", "101", r -> r.site().orNull().subdistrictCode()),
        member("site", "postal_code", "10110", r -> r.site().orNull().postalCode()),
        member("site", "district_code", "1001", r -> r.site().orNull().districtCode()),
        member("site", "province_code", "10", r -> r.site().orNull().provinceCode()),
        member("site", "map_url", "\"https://maps\"", r -> r.site().orNull().mapUrl()),
        member("site", "company_id", q(ID), r -> r.site().orNull().companyId()),
        member("contact", "id", q(ID), r -> r.contact().orNull().id()),
        member("contact", "person_name", "\"x\"", r -> r.contact().orNull().personName()),
        member("contact", "nickname", "\"x\"", r -> r.contact().orNull().nickname()),
        member("contact", "phone", "[\"0812345678\"]", r -> r.contact().orNull().phone()),
        member("contact", "email", "[\"a@b.c\"]", r -> r.contact().orNull().email()),
        member("contact", "line_id", "\"x\"", r -> r.contact().orNull().lineId()),
        member("contact", "note", "\"x\"", r -> r.contact().orNull().note()),
        member(
            "appointment",
            "appointment_date",
            "\"2025-11-20\"",
            r -> r.appointment().orNull().date()),
        member(
            "appointment",
            "appointment_time_start",
            "\"09:00:00\"",
            r -> r.appointment().orNull().start()),
        member(
            "appointment",
            "appointment_time_end",
            "\"12:00:00\"",
            r -> r.appointment().orNull().end()),
        member(
            "appointment",
            "appointment_type",
            "\"backlog\"",
            r -> r.appointment().orNull().type()));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("members")
  void omittedNullAndValueAreThreeThings(
      String parent, String name, String value, Function<MasterRequest, Part<?>> read) {
    assertThat(read.apply(request(parent, "{" + taxId(parent) + "}")).isAbsent())
        .as("omitted")
        .isTrue();
    assertThat(
            read.apply(request(parent, "{" + taxId(parent) + sep(parent) + q(name) + ": null}"))
                .isCleared())
        .as("null")
        .isTrue();
    Part<?> given =
        read.apply(
            request(parent, "{" + taxId(parent) + sep(parent) + q(name) + ": " + value + "}"));
    assertThat(given.value()).as("value").isPresent();
    assertThat(String.valueOf(given.value().get())).isNotBlank();
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("members")
  void aValueOfTheWrongTypeIsRefusedNamingTheMember(
      String parent, String name, String value, Function<MasterRequest, Part<?>> read) {
    String wrong = value.startsWith("\"") || value.startsWith("[") ? "{}" : "\"ten\"";
    assertThatThrownBy(
            () -> request(parent, "{" + taxId(parent) + sep(parent) + q(name) + ": " + wrong + "}"))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.details()).containsKey(parent + "." + name));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void listsAreKeptWhenOmittedClearedWhenEmptyOrNullAndReplacedWhenGiven(String name) {
    Function<MasterRequest, Part<List<java.util.UUID>>> read =
        name.equals("employee_ids") ? MasterRequest::employeeIds : MasterRequest::merchandiseIds;
    assertThat(read.apply(read("{}")).isAbsent()).isTrue();
    assertThat(read.apply(read("{" + q(name) + ": []}")).value()).contains(List.of());
    assertThat(read.apply(read("{" + q(name) + ": null}")).value()).contains(List.of());
    assertThat(read.apply(read("{" + q(name) + ": [" + q(ID) + ", " + q(ID) + "]}")).value())
        .contains(List.of(java.util.UUID.fromString(ID)));
    assertThatThrownBy(() -> read("{" + q(name) + ": [\"employee-uuid-1\"]}"))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.details()).containsKey(name + "[0]"));
  }

  static Stream<String> lists() {
    return Stream.of("employee_ids", "merchandise_ids");
  }

  @org.junit.jupiter.api.Test
  void partsThemselvesCanBeOmittedOrNull() {
    MasterRequest omitted = read("{}");
    assertThat(omitted.site().isAbsent()).isTrue();
    MasterRequest cleared = read("{\"site\": null, \"contact\": null, \"appointment\": null}");
    assertThat(cleared.site().isCleared()).isTrue();
    assertThat(cleared.contact().isCleared()).isTrue();
    assertThat(cleared.appointment().isCleared()).isTrue();
  }

  @org.junit.jupiter.api.Test
  void malformedValuesAreRefusedNamingTheMember() {
    assertRefused("{\"company\": {\"tax_id\": \"12345\"}}", "company.tax_id");
    assertRefused("{\"company\": {\"name_th\": \"x\"}}", "company.tax_id");
    assertRefused(
        "{\"appointment\": {\"appointment_type\": \"someday\"}}", "appointment.appointment_type");
    assertRefused(
        "{\"appointment\": {\"appointment_date\": \"20/11/2025\"}}",
        "appointment.appointment_date");
    assertRefused(
        "{\"appointment\": {\"appointment_time_start\": \"9:00\"}}",
        "appointment.appointment_time_start");
    assertRefused("{\"ticket\": {\"work_type_id\": \"work-type-uuid\"}}", "ticket.work_type_id");
    assertRefused("{\"ticket\": {\"priority\": \"high\"}}", "ticket.priority");
    assertRefused("{\"tickets\": {}}", "tickets");
    assertRefused("{\"site\": {\"postal_code\": -5}}", "site.postal_code");
    assertRefused("{\"site\": {\"postal_code\": 1.5}}", "site.postal_code");
  }

  private static void assertRefused(String body, String member) {
    assertThatThrownBy(() -> read(body))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.details()).containsKey(member));
  }

  private static Arguments member(
      String parent, String name, String value, Function<MasterRequest, Part<?>> read) {
    return Arguments.of(parent, name, value, read);
  }

  private static MasterRequest request(String parent, String object) {
    return read("{" + q(parent) + ": " + object + "}");
  }

  private static MasterRequest read(String json) {
    JsonNode body = JSON.readTree(json);
    return MasterRequest.read(body);
  }

  /** A company needs its tax id to be read at all. */
  private static String taxId(String parent) {
    return parent.equals("company") ? "\"tax_id\": \"0123456789012\"" : "";
  }

  private static String sep(String parent) {
    return parent.equals("company") ? ", " : "";
  }

  private static String q(String text) {
    return "\"" + text + "\"";
  }
}
