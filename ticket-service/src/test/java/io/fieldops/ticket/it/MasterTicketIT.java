package io.fieldops.ticket.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Seed 003's master API: its request examples, rules, levels and Thai texts. */
class MasterTicketIT extends TicketIntegrationTest {

  private String full(TestUser technician1, TestUser technician2) {
    return """
        {
          "ticket": {
            "details": "เครื่องปริ้นเตอร์เสีย ไม่สามารถพิมพ์เอกสารได้",
            "work_type_id": "%s",
            "assigner_id": "%s",
            "status_id": "%s",
            "additional": "ต้องการช่างด่วน"
          },
          "company": {
            "tax_id": "0123456789012",
            "name_th": "บริษัท ทดสอบ จำกัด",
            "name_en": "Test Company Limited"
          },
          "site": {
            "name": "สำนักงานใหญ่",
            "address_detail": "123 ถนนสุขุมวิท",
            "postal_code": 10110,
            "map_url": "https://maps.google.com/..."
          },
          "contact": {
            "person_name": "คุณสมชาย",
            "nickname": "ชาย",
            "phone": ["0812345678", "021234567"],
            "email": ["somchai@test.com"]
          },
          "appointment": {
            "appointment_date": "2025-11-20",
            "appointment_time_start": "09:00:00",
            "appointment_time_end": "12:00:00",
            "appointment_type": "scheduled"
          },
          "employee_ids": ["%s", "%s"]
        }
        """
        .formatted(repair, agent.id(), newStatus, technician1.id(), technician2.id());
  }

  @Test
  void theSeedsFullExampleCreatesEverythingAndAnswersItExpanded() {
    TestUser tech1 = member(TestUser.technician(org));
    TestUser tech2 = member(TestUser.technician(org));

    Http.Response created = as(agent).postJson(MASTER, full(tech1, tech2));

    assertStatus(created, 201);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    JsonNode data = created.json().path("data");
    assertThat(data.path("details").asString())
        .isEqualTo("เครื่องปริ้นเตอร์เสีย ไม่สามารถพิมพ์เอกสารได้");
    assertThat(data.path("work_type").path("name_th").asString()).isEqualTo("ซ่อม");
    assertThat(data.path("status").path("code").asString()).isEqualTo("new");
    assertThat(data.path("assigner").path("id").asString()).isEqualTo(agent.id().toString());
    JsonNode site = data.path("site");
    assertThat(site.path("name").asString()).isEqualTo("สำนักงานใหญ่");
    assertThat(site.path("postal_code").asInt()).isEqualTo(10110);
    assertThat(site.path("company").path("tax_id").asString()).isEqualTo("0123456789012");
    assertThat(site.path("company").path("name_en").asString()).isEqualTo("Test Company Limited");
    assertThat(data.path("contact").path("phone").valueStream().map(JsonNode::asString))
        .containsExactly("0812345678", "021234567");
    assertThat(data.path("contact").path("site_id").asString())
        .isEqualTo(site.path("id").asString());
    JsonNode appointment = data.path("appointment");
    assertThat(appointment.path("appointment_date").asString()).isEqualTo("2025-11-20");
    assertThat(appointment.path("appointment_time_start").asString()).isEqualTo("09:00:00");
    assertThat(appointment.path("appointment_type").asString()).isEqualTo("scheduled");
    assertThat(data.path("employees").valueStream().map(e -> e.path("id").asString()))
        .containsExactlyInAnyOrder(tech1.id().toString(), tech2.id().toString());
    assertThat(data.path("merchandise").isEmpty()).isTrue();
    for (String member :
        List.of(
            "id",
            "details",
            "work_type_id",
            "assigner_id",
            "status_id",
            "additional",
            "site_id",
            "contact_id",
            "appointment_id",
            "created_at",
            "updated_at",
            "work_type",
            "assigner",
            "status",
            "site",
            "contact",
            "appointment",
            "employees",
            "merchandise")) {
      assertThat(data.has(member)).as(member).isTrue();
    }

    // the same company, site and contact again are found, not created
    assertStatus(as(agent).postJson(MASTER, full(tech1, tech2)), 201);
    assertThat(count("company")).isEqualTo(1);
    assertThat(count("site")).isEqualTo(1);
    assertThat(count("contact")).isEqualTo(1);
    assertThat(count("ticket")).isEqualTo(2);
  }

  @Test
  void theMinimalCreateNeedsOnlyItsThreeIds() {
    Http.Response created = as(agent).postJson(MASTER, minimal());

    assertStatus(created, 201);
    JsonNode data = created.json().path("data");
    assertThat(data.path("site").isNull()).isTrue();
    assertThat(data.path("contact").isNull()).isTrue();
    assertThat(data.path("appointment").isNull()).isTrue();
    assertThat(data.path("employees").isEmpty()).isTrue();
  }

  @Test
  void aMissingRequiredIdIsTheSeedsThaiError() {
    Http.Response noWorkType =
        as(agent)
            .postJson(
                MASTER,
                """
                {"ticket": {"assigner_id": "%s", "status_id": "%s"}}
                """
                    .formatted(agent.id(), newStatus));
    assertStatus(noWorkType, 400);
    assertThat(noWorkType.json().path("error").asString()).isEqualTo("กรุณาระบุประเภทงาน");
    assertThat(noWorkType.json().path("details").path("ticket").path("work_type_id").asString())
        .isEqualTo("กรุณาระบุประเภทงาน");

    Http.Response english =
        as(agent).header("Accept-Language", "en").postJson(MASTER, "{\"ticket\": {}}");
    assertThat(english.json().path("error").asString()).isEqualTo("Work type is required");

    Http.Response badUuid =
        as(agent).postJson(MASTER, minimal().replace(repair.toString(), "not-a-uuid"));
    assertStatus(badUuid, 400);
    assertThat(badUuid.json().path("error").asString())
        .isEqualTo("ticket.work_type_id: รูปแบบ UUID ไม่ถูกต้อง");

    Http.Response badTime =
        as(agent)
            .postJson(
                MASTER,
                minimal()
                    .replaceFirst(
                        "\\}\\s*$",
                        ", \"appointment\": {\"appointment_time_start\": \"12:00:00\","
                            + " \"appointment_time_end\": \"09:00:00\"}}"));
    assertStatus(badTime, 400);
    assertThat(badTime.json().path("details").path("appointment").has("appointment_time_end"))
        .isTrue();
    assertThat(count("ticket")).isZero();
    assertThat(count("appointment")).isZero();
  }

  @Test
  void levelsDecideWhoMayWrite() {
    TestUser technician = member(TestUser.technician(org));
    Http.Response refused = as(technician).postJson(MASTER, minimal());
    assertStatus(refused, 403);
    assertThat(refused.json().path("error").asString()).isEqualTo("ไม่มีสิทธิ์เข้าถึง");
    assertStatus(as(TestUser.customer(org)).postJson(MASTER, minimal()), 403);

    String id = as(agent).postJson(MASTER, minimal()).json().path("data").path("id").asString();
    assertStatus(as(agent).delete(MASTER + "/" + id), 403);
    Http.Response deleted = as(TestUser.supervisor(org)).delete(MASTER + "/" + id);
    assertStatus(deleted, 200);
    assertThat(deleted.json().path("data").path("message").asString()).isEqualTo("ลบตั๋วงานสำเร็จ");
    Http.Response gone = as(admin).delete(MASTER + "/" + id);
    assertStatus(gone, 404);
    assertThat(gone.json().path("error").asString()).isEqualTo("ไม่พบตั๋วงาน");
  }

  @Test
  void merchandiseMustBeAtTheTicketsSiteAndAFailedCreateLeavesNothingBehind() {
    String siteId = siteOfANewTicket("Site A");
    UUID printer = merchandiseAt(UUID.fromString(siteId), "Printer");
    String otherSite = siteOfANewTicket("Site B");
    UUID copier = merchandiseAt(UUID.fromString(otherSite), "Copier");
    long companies = count("company");

    String withMerchandise =
        """
        {"ticket": {"work_type_id": "%s", "assigner_id": "%s", "status_id": "%s"},
         "site": {"id": "%s"}, "merchandise_ids": ["%s"],
         "appointment": {"appointment_date": "2025-11-25", "appointment_type": "scheduled"}}
        """;
    Http.Response ok =
        as(agent)
            .postJson(
                MASTER, withMerchandise.formatted(repair, agent.id(), newStatus, siteId, printer));
    assertStatus(ok, 201);
    assertThat(ok.json().path("data").path("merchandise").get(0).path("name").asString())
        .isEqualTo("Printer");

    Http.Response otherSiteRefused =
        as(agent)
            .postJson(
                MASTER, withMerchandise.formatted(repair, agent.id(), newStatus, siteId, copier));
    assertStatus(otherSiteRefused, 400);
    assertThat(otherSiteRefused.json().path("error").asString())
        .isEqualTo("สินค้าต้องอยู่ที่สถานที่เดียวกับตั๋วงาน");

    // a valid new company and an unknown merchandise id: the company is not left behind
    Http.Response unknown =
        as(agent)
            .postJson(
                MASTER,
                """
                {"ticket": {"work_type_id": "%s", "assigner_id": "%s", "status_id": "%s"},
                 "company": {"tax_id": "9999999999999", "name_th": "บริษัท ใหม่"},
                 "site": {"name": "ใหม่"}, "merchandise_ids": ["%s"]}
                """
                    .formatted(repair, agent.id(), newStatus, UUID.randomUUID()));
    assertStatus(unknown, 404);
    assertThat(unknown.json().path("error").asString()).isEqualTo("ไม่พบสินค้า");
    assertThat(count("company")).isEqualTo(companies);
  }

  @Test
  void updatesKeepWhatIsAbsentClearWhatIsNullAndReplaceLists() {
    TestUser tech1 = member(TestUser.technician(org));
    TestUser tech2 = member(TestUser.technician(org));
    TestUser tech3 = member(TestUser.technician(org));
    JsonNode created = as(agent).postJson(MASTER, full(tech1, tech2)).json().path("data");
    String path = MASTER + "/" + created.path("id").asString();

    // status only: everything else stays
    Http.Response statusOnly =
        as(agent).putJson(path, "{\"ticket\": {\"status_id\": \"%s\"}}".formatted(completed));
    assertStatus(statusOnly, 200);
    assertThat(statusOnly.header("ETag")).isEqualTo("\"1\"");
    JsonNode afterStatus = statusOnly.json().path("data");
    assertThat(afterStatus.path("status").path("code").asString()).isEqualTo("completed");
    assertThat(afterStatus.path("details").asString())
        .isEqualTo(created.path("details").asString());
    assertThat(afterStatus.path("site_id").asString())
        .isEqualTo(created.path("site_id").asString());
    assertThat(afterStatus.path("employees").size()).isEqualTo(2);

    // replace technicians, then clear them
    JsonNode replaced =
        as(agent)
            .putJson(path, "{\"employee_ids\": [\"%s\"]}".formatted(tech3.id()))
            .json()
            .path("data");
    assertThat(replaced.path("employees").valueStream().map(e -> e.path("id").asString()))
        .containsExactly(tech3.id().toString());
    assertThat(
            as(agent)
                .putJson(path, "{\"employee_ids\": []}")
                .json()
                .path("data")
                .path("employees")
                .isEmpty())
        .isTrue();

    // reschedule: the same appointment row changes
    JsonNode rescheduled =
        as(agent)
            .putJson(
                path,
                """
                {"appointment": {"appointment_date": "2025-11-22",
                  "appointment_time_start": "10:00:00", "appointment_time_end": "12:00:00"}}
                """)
            .json()
            .path("data");
    assertThat(rescheduled.path("appointment_id").asString())
        .isEqualTo(created.path("appointment_id").asString());
    assertThat(rescheduled.path("appointment").path("appointment_date").asString())
        .isEqualTo("2025-11-22");
    assertThat(rescheduled.path("appointment").path("appointment_type").asString())
        .isEqualTo("scheduled");

    // null unlinks
    JsonNode cleared =
        as(agent).putJson(path, "{\"contact\": null, \"appointment\": null}").json().path("data");
    assertThat(cleared.path("contact").isNull()).isTrue();
    assertThat(cleared.path("appointment").isNull()).isTrue();
    assertThat(cleared.path("site").isNull()).isFalse();
    assertThat(count("appointment")).isZero();
    JsonNode noSite = as(agent).putJson(path, "{\"site\": null}").json().path("data");
    assertThat(noSite.path("site_id").isNull()).isTrue();

    // stale If-Match
    Http.Response stale =
        as(agent).header("If-Match", "\"0\"").putJson(path, "{\"ticket\": {\"details\": \"x\"}}");
    assertStatus(stale, 412);

    JsonNode history =
        as(agent).get("/api/v1/tickets/" + created.path("id").asString() + "/history").json();
    assertThat(history.path("data").valueStream().map(c -> c.path("member").asString()))
        .contains(
            "ticket", "ticket.status_id", "employee_ids", "appointment", "contact_id", "site_id");
  }

  @Test
  void changingTheSiteWhileOtherSiteMerchandiseIsLinkedIsRefused() {
    String siteA = siteOfANewTicket("A");
    String siteB = siteOfANewTicket("B");
    UUID printer = merchandiseAt(UUID.fromString(siteA), "Printer");
    String id =
        as(agent)
            .postJson(
                MASTER,
                """
                {"ticket": {"work_type_id": "%s", "assigner_id": "%s", "status_id": "%s"},
                 "site": {"id": "%s"}, "merchandise_ids": ["%s"]}
                """
                    .formatted(repair, agent.id(), newStatus, siteA, printer))
            .json()
            .path("data")
            .path("id")
            .asString();

    Http.Response refused =
        as(agent).putJson(MASTER + "/" + id, "{\"site\": {\"id\": \"%s\"}}".formatted(siteB));
    assertStatus(refused, 400);
    assertThat(refused.json().path("details").has("merchandise_ids")).isTrue();

    Http.Response moved =
        as(agent)
            .putJson(
                MASTER + "/" + id,
                "{\"site\": {\"id\": \"%s\"}, \"merchandise_ids\": []}".formatted(siteB));
    assertStatus(moved, 200);
    assertThat(moved.json().path("data").path("site_id").asString()).isEqualTo(siteB);
  }

  @Test
  void anotherOrganisationsIdsAreUnknown() {
    UUID stranger = UUID.randomUUID();
    TestUser strangerAdmin = member(TestUser.admin(stranger));
    String id = as(agent).postJson(MASTER, minimal()).json().path("data").path("id").asString();

    assertStatus(as(strangerAdmin).get("/api/v1/tickets/" + id), 404);
    assertStatus(
        as(strangerAdmin).putJson(MASTER + "/" + id, "{\"ticket\": {\"details\": \"x\"}}"), 404);
    assertStatus(as(strangerAdmin).delete(MASTER + "/" + id), 404);
    // this organisation's work type from another organisation
    defaults.ensure(stranger);
    Http.Response borrowed =
        as(strangerAdmin)
            .postJson(
                MASTER, minimal().replace(agent.id().toString(), strangerAdmin.id().toString()));
    assertStatus(borrowed, 404);
    assertThat(borrowed.json().path("error").asString()).isEqualTo("ไม่พบประเภทงาน");
  }

  @Test
  void parallelCreatesOfOneNewCompanySiteAndContactMakeOneOfEach() throws Exception {
    String body =
        """
        {"ticket": {"work_type_id": "%s", "assigner_id": "%s", "status_id": "%s"},
         "company": {"tax_id": "1234567890123", "name_th": "บริษัท ลูกค้าใหม่ จำกัด"},
         "site": {"name": "สำนักงานใหญ่", "postal_code": 10230},
         "contact": {"person_name": "คุณประกิต", "phone": ["0887654321"]},
         "appointment": {"appointment_type": "call_to_schedule"}}
        """
            .formatted(repair, agent.id(), newStatus);
    List<Callable<Http.Response>> creates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      creates.add(() -> as(agent).postJson(MASTER, body));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
      for (Future<Http.Response> answer : pool.invokeAll(creates)) {
        assertStatus(answer.get(), 201);
      }
    }
    assertThat(count("company")).isEqualTo(1);
    assertThat(count("site")).isEqualTo(1);
    assertThat(count("contact")).isEqualTo(1);
    assertThat(count("ticket")).isEqualTo(20);
  }

  @Test
  void deleteOptionsRemoveTheAppointmentAndAnUnusedContact() {
    TestUser tech1 = member(TestUser.technician(org));
    TestUser tech2 = member(TestUser.technician(org));
    TestUser supervisor = member(TestUser.supervisor(org));
    String first =
        as(agent).postJson(MASTER, full(tech1, tech2)).json().path("data").path("id").asString();
    String second =
        as(agent).postJson(MASTER, full(tech1, tech2)).json().path("data").path("id").asString();

    assertStatus(
        as(supervisor)
            .delete(MASTER + "/" + first + "?delete_appointment=true&delete_contact=true"),
        200);
    assertThat(count("contact")).as("the other ticket still uses the contact").isEqualTo(1);
    assertThat(count("appointment")).isEqualTo(1);
    assertStatus(as(supervisor).delete(MASTER + "/" + second + "?delete_contact=true"), 200);
    assertThat(count("contact")).isZero();
    assertThat(count("appointment")).as("kept without delete_appointment").isEqualTo(1);
    assertThat(count("site")).isEqualTo(1);
    assertThat(count("company")).isEqualTo(1);
  }

  /** A site made by a ticket's find-or-create; answers the site's id. */
  private String siteOfANewTicket(String name) {
    return as(agent)
        .postJson(
            MASTER,
            """
            {"ticket": {"work_type_id": "%s", "assigner_id": "%s", "status_id": "%s"},
             "site": {"name": "%s"}}
            """
                .formatted(repair, agent.id(), newStatus, name))
        .json()
        .path("data")
        .path("site_id")
        .asString();
  }
}
