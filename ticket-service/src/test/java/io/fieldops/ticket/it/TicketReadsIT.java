package io.fieldops.ticket.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.security.Role;
import io.fieldops.platform.test.ApiDocument;
import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.KafkaProbe;
import io.fieldops.platform.test.TestUser;
import io.fieldops.ticket.reference.ReferenceRules;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading tickets (one, a filtered page, a technician's own) and the events master writes publish.
 */
class TicketReadsIT extends TicketIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonNode create(String extra) {
    Http.Response created =
        as(agent)
            .postJson(
                MASTER,
                """
                {"ticket": {"details": "%s", "work_type_id": "%s", "assigner_id": "%s",
                            "status_id": "%s"}%s}
                """
                    .formatted("งาน " + UUID.randomUUID(), repair, agent.id(), newStatus, extra));
    assertStatus(created, 201);
    return created.json().path("data");
  }

  @Test
  void oneTicketWithItsETagAndAFilteredPageNewestFirst() {
    JsonNode backlog = create("");
    JsonNode scheduled =
        create(
            ", \"appointment\": {\"appointment_date\": \"2025-11-21\", \"appointment_type\": \"scheduled\"}");

    Http.Response one = as(agent).get("/api/v1/tickets/" + backlog.path("id").asString());
    assertStatus(one, 200);
    assertThat(one.header("ETag")).isEqualTo("\"0\"");
    assertThat(one.json().path("data").path("id").asString())
        .isEqualTo(backlog.path("id").asString());

    JsonNode page = as(agent).get("/api/v1/tickets/?size=10").json();
    assertThat(page.path("count").asLong()).isEqualTo(2);
    assertThat(ids(page))
        .containsExactly(scheduled.path("id").asString(), backlog.path("id").asString());
    assertThat(ids(as(agent).get("/api/v1/tickets/?backlog=true").json()))
        .containsExactly(backlog.path("id").asString());
    assertThat(ids(as(agent).get("/api/v1/tickets/?appointment_date_from=2025-11-21").json()))
        .containsExactly(scheduled.path("id").asString());
    String words = backlog.path("details").asString().substring(4, 12);
    assertThat(ids(as(agent).get("/api/v1/tickets/?search=" + words).json()))
        .containsExactly(backlog.path("id").asString());
    assertThat(
            as(TestUser.admin(UUID.randomUUID()))
                .get("/api/v1/tickets/")
                .json()
                .path("count")
                .asLong())
        .isZero();
  }

  @Test
  void aPageExpandsEveryTicketExactlyAsReadingItAloneDoes() {
    TestUser technician = member(TestUser.technician(org));
    JsonNode full =
        create(
            """
            , "company": {"tax_id": "0105550000001", "name_th": "บริษัท หนึ่ง จำกัด"},
              "site": {"name": "สำนักงานใหญ่", "postal_code": 10110},
              "contact": {"person_name": "คุณสมชาย", "phone": ["0812345678"]},
              "appointment": {"appointment_date": "2025-11-20", "appointment_time_start": "09:00:00",
                              "appointment_time_end": "12:00:00", "appointment_type": "scheduled"},
              "employee_ids": ["%s", "%s"]
            """
                .formatted(technician.id(), agent.id()));
    String siteId = full.path("site").path("id").asString();
    UUID printer = merchandiseAt(UUID.fromString(siteId), "Printer");
    UUID copier = merchandiseAt(UUID.fromString(siteId), "Copier");
    JsonNode sameSite =
        create(
            ", \"site\": {\"id\": \"%s\"}, \"merchandise_ids\": [\"%s\", \"%s\"]"
                .formatted(siteId, printer, copier));
    JsonNode companyless = create(", \"site\": {\"name\": \"บ้านลูกค้า\"}");
    JsonNode backlog = create("");

    JsonNode page = as(agent).get("/api/v1/tickets/?size=10").json();

    assertThat(ids(page))
        .containsExactly(
            backlog.path("id").asString(),
            companyless.path("id").asString(),
            sameSite.path("id").asString(),
            full.path("id").asString());
    for (JsonNode listed : page.path("results")) {
      JsonNode alone =
          as(agent).get("/api/v1/tickets/" + listed.path("id").asString()).json().path("data");
      assertThat(listed).isEqualTo(alone);
    }
    JsonNode first = page.path("results").get(3);
    assertThat(first.path("site").path("company").path("tax_id").asString())
        .isEqualTo("0105550000001");
    assertThat(first.path("contact").path("person_name").asString()).isEqualTo("คุณสมชาย");
    assertThat(first.path("appointment").path("appointment_time_end").asString())
        .isEqualTo("12:00:00");
    assertThat(first.path("employees").size()).isEqualTo(2);
    assertThat(page.path("results").get(2).path("merchandise").size()).isEqualTo(2);
    assertThat(page.path("results").get(1).path("site").path("company").isNull()).isTrue();
    assertThat(page.path("results").get(0).path("site").isNull()).isTrue();
  }

  @Test
  void badPagingIsNamedLikeEveryListOfTheService() {
    ReferenceTestSupport.assertProblem(
        as(agent).get("/api/v1/tickets/?size=101"),
        400,
        "validation-failed",
        "size: ต้องอยู่ระหว่าง 1 ถึง 100",
        "{\"size\": \"ขนาดหน้าต้องอยู่ระหว่าง 1 ถึง 100\"}");
    ReferenceTestSupport.assertProblem(
        as(agent).header("Accept-Language", "en").get("/api/v1/tickets/?page=0"),
        400,
        "validation-failed",
        "page: must be 1 or more",
        "{\"page\": \"Page must be 1 or more.\"}");
    ReferenceTestSupport.assertProblem(
        as(agent).get("/api/v1/tickets/?search=" + "x".repeat(201)),
        400,
        "validation-failed",
        "search: ยาวได้ไม่เกิน 200 ตัวอักษร",
        "{\"search\": \"ข้อความค้นหายาวได้ไม่เกิน 200 ตัวอักษร\"}");
  }

  @Test
  void aTechnicianSeesOnlyTheTicketsAssignedToThem() {
    TestUser technician = member(TestUser.technician(org));
    JsonNode theirs = create(", \"employee_ids\": [\"" + technician.id() + "\"]");
    JsonNode other = create("");

    assertThat(ids(as(technician).get("/api/v1/tickets/").json()))
        .containsExactly(theirs.path("id").asString());
    assertStatus(as(technician).get("/api/v1/tickets/" + other.path("id").asString()), 404);
    assertStatus(as(technician).get("/api/v1/tickets/" + theirs.path("id").asString()), 200);
  }

  @Test
  void masterWritesPublishCreatedAssignedUpdatedAndDeleted() {
    TestUser technician = member(TestUser.technician(org));
    JsonNode ticket = create(", \"employee_ids\": [\"" + technician.id() + "\"]");
    String id = ticket.path("id").asString();
    assertStatus(
        as(agent)
            .putJson(
                MASTER + "/" + id, "{\"ticket\": {\"status_id\": \"%s\"}}".formatted(completed)),
        200);
    assertStatus(as(TestUser.supervisor(org)).delete(MASTER + "/" + id), 200);

    try (KafkaProbe probe = new KafkaProbe(kafka, "tickets")) {
      JsonNode created = event(probe, id, "ticket.created");
      assertThat(created.path("org_id").asString()).isEqualTo(org.toString());
      assertThat(created.path("data").path("details").asString())
          .isEqualTo(ticket.path("details").asString());
      assertThat(created.path("data").path("work_type").path("code").asString())
          .isEqualTo("repair");
      JsonNode assigned = event(probe, id, "ticket.assigned");
      assertThat(assigned.path("data").path("added").get(0).asString())
          .isEqualTo(technician.id().toString());
      JsonNode updated = event(probe, id, "ticket.updated");
      assertThat(updated.path("data").path("changed").valueStream().map(JsonNode::asString))
          .containsExactly("ticket.status_id");
      assertThat(event(probe, id, "ticket.deleted").path("data").path("id").asString())
          .isEqualTo(id);
    }
  }

  private static List<String> ids(JsonNode page) {
    return page.path("results").valueStream().map(t -> t.path("id").asString()).toList();
  }

  private static JsonNode event(KafkaProbe probe, String id, String type) {
    ConsumerRecord<String, byte[]> record =
        probe.awaitRecord(
            Duration.ofSeconds(30),
            r -> id.equals(r.key()) && type.equals(envelope(r).path("type").asString()));
    return envelope(record);
  }

  /**
   * The document clients and the API fuzzer are generated from lists the value sets of the answers
   * (status categories, appointment types, roles) as the service checks them.
   */
  @Test
  void theApiDocumentListsEveryValueSet() {
    ApiDocument doc = ApiDocument.of(Http.to(port)).assertPlatformFacts();

    assertThat(doc.enumOf("TicketStatus", "category")).isEqualTo(ReferenceRules.CATEGORIES);
    // seed 003's appointment types, which MasterRequest checks
    assertThat(doc.enumOf("Appointment", "appointment_type"))
        .containsExactly("call_to_schedule", "scheduled", "backlog");
    assertThat(doc.enumOf("Employee", "roles"))
        .isEqualTo(Arrays.stream(Role.values()).map(Role::name).toList());

    // seed 003's master body, read as a JSON tree, is documented member by member
    for (String method : List.of("post", "put")) {
      String path =
          method.equals("post") ? "/api/v1/tickets/master" : "/api/v1/tickets/master/{id}";
      JsonNode body = doc.content(path, method, null);
      assertThat(body.path("properties").propertyNames())
          .as(method)
          .containsExactlyInAnyOrder(
              "ticket",
              "company",
              "site",
              "contact",
              "appointment",
              "employee_ids",
              "merchandise_ids");
      assertThat(body.path("additionalProperties").asBoolean(true)).isFalse();
    }
    assertThat(doc.required("MasterTicketRequest")).containsExactly("ticket");
    assertThat(doc.required("TicketPart"))
        .containsExactlyInAnyOrder("work_type_id", "assigner_id", "status_id");
    assertThat(doc.enumOf("AppointmentPart", "appointment_type"))
        .containsExactly("call_to_schedule", "scheduled", "backlog");
    assertThat(doc.member("CompanyPart", "tax_id").path("pattern").asString())
        .isEqualTo("^[0-9]{13}$");
  }

  /**
   * The reference-data handlers are shared and read a JSON tree; the document still names every
   * member each kind's create and change read, what a create requires, and that nothing else goes.
   */
  @Test
  void theApiDocumentDescribesEveryReferenceBody() {
    ApiDocument doc = ApiDocument.of(Http.to(port));
    // a change takes what a create takes, but the code (fixed once created), and is_active
    record Kind(String path, List<String> required, List<String> created) {
      List<String> changed() {
        List<String> members = new java.util.ArrayList<>(created);
        members.remove("code");
        members.add("is_active");
        return members;
      }
    }
    List<Kind> kinds =
        List.of(
            new Kind(
                "/api/v1/tickets/work-types",
                List.of("code", "name_th", "name_en"),
                List.of("code", "name_th", "name_en")),
            new Kind(
                "/api/v1/tickets/statuses",
                List.of("code", "name_th", "name_en", "category"),
                List.of("code", "name_th", "name_en", "category", "sort_order")),
            new Kind(
                "/api/v1/tickets/companies",
                List.of("tax_id"),
                List.of("tax_id", "name_th", "name_en", "address_detail")),
            new Kind(
                "/api/v1/tickets/sites",
                List.of("name"),
                List.of(
                    "name",
                    "company_id",
                    "address_detail",
                    "subdistrict_code",
                    "postal_code",
                    "district_code",
                    "province_code",
                    "map_url")),
            new Kind(
                "/api/v1/tickets/contacts",
                List.of("person_name"),
                List.of("person_name", "site_id", "nickname", "phone", "email", "line_id", "note")),
            new Kind(
                "/api/v1/tickets/merchandise",
                List.of("site_id", "name"),
                List.of("site_id", "name", "model", "serial_no")));

    for (Kind kind : kinds) {
      JsonNode created = doc.content(kind.path(), "post", null);
      assertThat(created.path("properties").propertyNames())
          .as("POST %s", kind.path())
          .containsExactlyInAnyOrderElementsOf(kind.created());
      assertThat(created.path("required").valueStream().map(JsonNode::asString))
          .as("POST %s required", kind.path())
          .containsExactlyInAnyOrderElementsOf(kind.required());
      assertThat(created.path("additionalProperties").asBoolean(true)).isFalse();

      JsonNode changed = doc.content(kind.path() + "/{id}", "patch", null);
      assertThat(changed.path("properties").propertyNames())
          .as("PATCH %s", kind.path())
          .containsExactlyInAnyOrderElementsOf(kind.changed());
      assertThat(changed.has("required")).as("PATCH %s requires nothing", kind.path()).isFalse();
      assertThat(changed.path("additionalProperties").asBoolean(true)).isFalse();
    }
    assertThat(doc.enumOf("NewTicketStatus", "category")).isEqualTo(ReferenceRules.CATEGORIES);
    assertThat(doc.member("NewContact", "phone").path("maxItems").asInt()).isEqualTo(20);
    assertThat(doc.member("NewCompany", "tax_id").path("pattern").asString())
        .isEqualTo("^[0-9]{13}$");
  }

  private static JsonNode envelope(ConsumerRecord<String, byte[]> record) {
    return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
  }
}
