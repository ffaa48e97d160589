package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Seed 003's master API through the gateway at the seed's own path ({@code
 * /functions/v1/api-tickets/master}), with a new organisation's real tokens from auth-service and
 * its real default work types and statuses: the seed's request examples with their ids replaced by
 * real ones, Thai and English texts, levels, and another organisation.
 */
class TicketFlowIT extends SystemTest {

  private static final String SEED_PATH = "/functions/v1/api-tickets/master";

  private String admin;
  private String adminId;
  private String slug;
  private String repair;
  private String newStatus;
  private String completed;

  @BeforeEach
  void newOrganisation() {
    GatewayResponse registered =
        gateway()
            .post(
                "/api/auth/register/",
                """
                {"email": "tickets-%s@example.com", "first_name": "Prakit", "last_name": "Admin",
                 "password1": "Tr0ub4dor&3-horse", "password2": "Tr0ub4dor&3-horse",
                 "organization_name": "Printer Care %s"}
                """
                    .formatted(UUID.randomUUID(), UUID.randomUUID().toString().substring(0, 6)));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    admin = registered.json().path("tokens").path("access").asString();
    adminId = registered.json().path("user").path("id").asString();
    slug = registered.json().path("user").path("organization").path("slug").asString();
    repair = code(get("/api/v1/tickets/work-types/"), "repair");
    newStatus = code(get("/api/v1/tickets/statuses/"), "new");
    completed = code(get("/api/v1/tickets/statuses/"), "completed");
  }

  @Test
  void theSeedsExamplesWorkAtItsOwnPath() {
    // Minimal Create: the admin is the assigner as soon as auth-service's membership event reaches
    // ticket-service's members read model (milliseconds; waited for, not assumed)
    String minimal =
        """
        {"ticket": {"work_type_id": "%s", "assigner_id": "%s", "status_id": "%s"}}
        """
            .formatted(repair, adminId, newStatus);
    AtomicReference<GatewayResponse> first = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              first.set(post(SEED_PATH, minimal));
              return first.get().status() != 404;
            });
    assertThat(first.get().status()).as(first.get().toString()).isEqualTo(201);

    // the seed's full "Example Request", ids replaced by real ones
    GatewayResponse full =
        post(
            SEED_PATH,
            """
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
              "employee_ids": ["%s"]
            }
            """
                .formatted(repair, adminId, newStatus, adminId));
    assertThat(full.status()).as(full.toString()).isEqualTo(201);
    JsonNode ticket = full.json().path("data");
    assertThat(ticket.path("site").path("company").path("name_th").asString())
        .isEqualTo("บริษัท ทดสอบ จำกัด");
    assertThat(ticket.path("appointment").path("appointment_time_end").asString())
        .isEqualTo("12:00:00");
    String id = ticket.path("id").asString();
    String siteId = ticket.path("site_id").asString();

    // Create with Existing Site, and a Backlog ticket at it
    GatewayResponse existingSite =
        post(
            SEED_PATH,
            """
            {"ticket": {"details": "ซ่อมคอมพิวเตอร์", "work_type_id": "%s", "assigner_id": "%s",
                        "status_id": "%s"},
             "site": {"id": "%s"},
             "contact": {"person_name": "คุณสมหญิง", "phone": ["0898765432"]},
             "employee_ids": ["%s"]}
            """
                .formatted(repair, adminId, newStatus, siteId, adminId));
    assertThat(existingSite.status()).as(existingSite.toString()).isEqualTo(201);
    assertThat(existingSite.json().path("data").path("site_id").asString()).isEqualTo(siteId);

    // Update Status Only, at the seed's path
    GatewayResponse statusOnly =
        put(SEED_PATH + "/" + id, "{\"ticket\": {\"status_id\": \"%s\"}}".formatted(completed));
    assertThat(statusOnly.status()).as(statusOnly.toString()).isEqualTo(200);
    assertThat(statusOnly.json().path("data").path("status").path("code").asString())
        .isEqualTo("completed");
    assertThat(statusOnly.json().path("data").path("contact").path("person_name").asString())
        .isEqualTo("คุณสมชาย");

    // Clear Contact, then Unlink Appointment
    assertThat(
            put(SEED_PATH + "/" + id, "{\"contact\": null}")
                .json()
                .path("data")
                .path("contact")
                .isNull())
        .isTrue();
    assertThat(
            put(SEED_PATH + "/" + id, "{\"appointment\": null}")
                .json()
                .path("data")
                .path("appointment")
                .isNull())
        .isTrue();

    // the ticket reads back the same through the plain path
    GatewayResponse read = get("/api/v1/tickets/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.headers().firstValue("ETag")).contains("\"3\"");

    // Delete with both options
    GatewayResponse deleted =
        gateway()
            .send(
                gateway()
                    .request(
                        SEED_PATH + "/" + id + "?delete_appointment=true&delete_contact=true",
                        "Authorization",
                        "Bearer " + admin)
                    .DELETE());
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
    assertThat(deleted.json().path("data").path("message").asString()).isEqualTo("ลบตั๋วงานสำเร็จ");
    GatewayResponse gone = put(SEED_PATH + "/" + id, "{\"ticket\": {\"details\": \"x\"}}");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().path("error").asString()).isEqualTo("ไม่พบตั๋วงาน");
  }

  @Test
  void merchandiseExamplesAndChangingTheSite() {
    awaitAssignerKnown();
    String siteA = site("สำนักงานสาขา 1");
    String siteB = site("สำนักงานสาขา 2");
    String printer1 = merchandise(siteA, "Printer 1");
    String printer2 = merchandise(siteA, "Printer 2");
    String copier = merchandise(siteB, "Copier");

    // "Create with Merchandise"
    GatewayResponse created =
        post(
            SEED_PATH,
            """
            {"ticket": {"details": "PM เครื่องปริ้นเตอร์", "work_type_id": "%s",
                        "assigner_id": "%s", "status_id": "%s"},
             "site": {"id": "%s"},
             "merchandise_ids": ["%s", "%s"],
             "appointment": {"appointment_date": "2025-11-25", "appointment_type": "scheduled"}}
            """
                .formatted(repair, adminId, newStatus, siteA, printer1, printer2));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("data").path("merchandise").size()).isEqualTo(2);
    String id = created.json().path("data").path("id").asString();

    // another site's merchandise is refused in Thai, naming merchandise_ids
    GatewayResponse otherSite =
        put(SEED_PATH + "/" + id, "{\"merchandise_ids\": [\"%s\"]}".formatted(copier));
    assertThat(otherSite.status()).as(otherSite.toString()).isEqualTo(400);
    assertThat(otherSite.json().path("error").asString())
        .isEqualTo("สินค้าต้องอยู่ที่สถานที่เดียวกับตั๋วงาน");

    // "Change Site": to the other site, clearing the old site's merchandise
    GatewayResponse moved =
        put(
            SEED_PATH + "/" + id,
            "{\"site\": {\"id\": \"%s\"}, \"merchandise_ids\": []}".formatted(siteB));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().path("data").path("site_id").asString()).isEqualTo(siteB);
    assertThat(moved.json().path("data").path("merchandise").isEmpty()).isTrue();

    // "Replace Technicians" and "Update Appointment"
    GatewayResponse rescheduled =
        put(
            SEED_PATH + "/" + id,
            """
            {"appointment": {"appointment_date": "2025-11-22", "appointment_time_start": "10:00:00",
                             "appointment_time_end": "12:00:00"},
             "employee_ids": ["%s"]}
            """
                .formatted(adminId));
    assertThat(rescheduled.status()).as(rescheduled.toString()).isEqualTo(200);
    assertThat(
            rescheduled.json().path("data").path("appointment").path("appointment_date").asString())
        .isEqualTo("2025-11-22");
    assertThat(rescheduled.json().path("data").path("employees").size()).isEqualTo(1);
  }

  private void awaitAssignerKnown() {
    String minimal =
        """
        {"ticket": {"work_type_id": "%s", "assigner_id": "%s", "status_id": "%s"}}
        """
            .formatted(repair, adminId, newStatus);
    await().atMost(Duration.ofSeconds(30)).until(() -> post(SEED_PATH, minimal).status() == 201);
  }

  private String site(String name) {
    GatewayResponse site = post("/api/v1/tickets/sites/", "{\"name\": \"%s\"}".formatted(name));
    assertThat(site.status()).as(site.toString()).isEqualTo(201);
    return site.json().path("data").path("id").asString();
  }

  private String merchandise(String siteId, String name) {
    GatewayResponse item =
        post(
            "/api/v1/tickets/merchandise/",
            "{\"site_id\": \"%s\", \"name\": \"%s\"}".formatted(siteId, name));
    assertThat(item.status()).as(item.toString()).isEqualTo(201);
    return item.json().path("data").path("id").asString();
  }

  @Test
  void errorsAreThaiByDefaultAndEnglishOnRequestAndLevelsHold() {
    GatewayResponse thai =
        post(SEED_PATH, "{\"ticket\": {\"assigner_id\": \"%s\"}}".formatted(adminId));
    assertThat(thai.status()).isEqualTo(400);
    assertThat(thai.json().path("error").asString()).isEqualTo("กรุณาระบุประเภทงาน");
    GatewayResponse english =
        gateway()
            .post(
                SEED_PATH,
                "{\"ticket\": {}}",
                "Authorization",
                "Bearer " + admin,
                "Accept-Language",
                "en");
    assertThat(english.json().path("error").asString()).isEqualTo("Work type is required");

    // a customer of the organisation (registered into it) may not write tickets
    GatewayResponse customer =
        gateway()
            .post(
                "/api/auth/register/",
                """
                {"email": "customer-%s@example.com", "first_name": "Som", "last_name": "Chai",
                 "password1": "Tr0ub4dor&3-horse", "password2": "Tr0ub4dor&3-horse",
                 "organization": "%s"}
                """
                    .formatted(UUID.randomUUID(), slug));
    assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
    GatewayResponse refused =
        gateway()
            .post(
                SEED_PATH,
                "{\"ticket\": {}}",
                "Authorization",
                "Bearer " + customer.json().path("tokens").path("access").asString());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("error").asString()).isEqualTo("ไม่มีสิทธิ์เข้าถึง");

    // another organisation's work type is as unknown as a made-up one
    GatewayResponse other =
        gateway()
            .post(
                "/api/auth/register/",
                """
                {"email": "other-%s@example.com", "first_name": "Other", "last_name": "Admin",
                 "password1": "Tr0ub4dor&3-horse", "password2": "Tr0ub4dor&3-horse",
                 "organization_name": "Other Care %s"}
                """
                    .formatted(UUID.randomUUID(), UUID.randomUUID().toString().substring(0, 6)));
    String otherAdmin = other.json().path("tokens").path("access").asString();
    String otherAdminId = other.json().path("user").path("id").asString();
    GatewayResponse borrowed =
        gateway()
            .post(
                SEED_PATH,
                """
                {"ticket": {"work_type_id": "%s", "assigner_id": "%s", "status_id": "%s"}}
                """
                    .formatted(repair, otherAdminId, newStatus),
                "Authorization",
                "Bearer " + otherAdmin);
    assertThat(borrowed.status()).as(borrowed.toString()).isEqualTo(404);
  }

  @Test
  void levelsHoldWithRealStaffTokensFromAuthService() {
    Staff technician = invite("TECHNICIAN");
    Staff agent = invite("AGENT");
    Staff supervisor = invite("SUPERVISOR");
    String body =
        """
        {"ticket": {"details": "PM เครื่องปริ้นเตอร์", "work_type_id": "%s", "assigner_id": "%s",
                    "status_id": "%s"},
         "employee_ids": ["%s"]}
        """
            .formatted(repair, agent.id(), newStatus, technician.id());

    GatewayResponse byTechnician = as(technician, SEED_PATH, body);
    assertThat(byTechnician.status()).as(byTechnician.toString()).isEqualTo(403);
    assertThat(byTechnician.json().path("error").asString()).isEqualTo("ไม่มีสิทธิ์เข้าถึง");

    // level 1 creates, once the read model knows the agent and the technician (auth's events)
    AtomicReference<GatewayResponse> created = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              created.set(as(agent, SEED_PATH, body));
              return created.get().status() != 404;
            });
    assertThat(created.get().status()).as(created.get().toString()).isEqualTo(201);
    String id = created.get().json().path("data").path("id").asString();

    // level 0 sees only what is assigned to them
    GatewayResponse mine = get(technician, "/api/v1/tickets/");
    assertThat(mine.json().path("count").asLong()).isEqualTo(1);
    assertThat(mine.json().path("results").get(0).path("id").asString()).isEqualTo(id);

    // and is told of the assignment in person: their notifications are their assignments only
    AtomicReference<JsonNode> notifications = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              notifications.set(get(technician, "/api/v1/notifications/").json().path("results"));
              return notifications.get().size() == 1;
            });
    JsonNode told = notifications.get().get(0);
    assertThat(told.path("type").asString()).isEqualTo("ticket_assigned");
    assertThat(told.path("data").path("id").asString()).isEqualTo(id);
    assertThat(told.path("data").path("added").get(0).asString()).isEqualTo(technician.id());
    assertThat(told.path("data").path("details").asString()).isEqualTo("PM เครื่องปริ้นเตอร์");

    // level 1 may not delete, level 2 may
    assertThat(delete(agent, SEED_PATH + "/" + id).status()).isEqualTo(403);
    GatewayResponse deleted = delete(supervisor, SEED_PATH + "/" + id + "?delete_appointment=true");
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
    assertThat(deleted.json().path("data").path("message").asString()).isEqualTo("ลบตั๋วงานสำเร็จ");
  }

  /** A staff member invited by the admin who set their password with the one-time link. */
  private record Staff(String id, String token) {}

  private Staff invite(String role) {
    GatewayResponse invited =
        post(
            "/api/auth/organization/members/",
            """
            {"email": "%s-%s@example.com", "roles": ["%s"], "first_name": "%s", "last_name": "Staff"}
            """
                .formatted(
                    role.toLowerCase(),
                    UUID.randomUUID(),
                    role,
                    role.charAt(0) + role.substring(1).toLowerCase()));
    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    GatewayResponse setUp =
        gateway()
            .post(
                "/api/auth/password/setup/",
                """
                {"token": "%s", "password1": "Tr0ub4dor&3-horse", "password2": "Tr0ub4dor&3-horse"}
                """
                    .formatted(invited.json().path("setup_token").asString()));
    assertThat(setUp.status()).as(setUp.toString()).isEqualTo(200);
    return new Staff(
        setUp.json().path("user").path("id").asString(),
        setUp.json().path("tokens").path("access").asString());
  }

  private GatewayResponse as(Staff staff, String path, String body) {
    return gateway().post(path, body, "Authorization", "Bearer " + staff.token());
  }

  private GatewayResponse get(Staff staff, String path) {
    return gateway().get(path, "Authorization", "Bearer " + staff.token());
  }

  private GatewayResponse delete(Staff staff, String path) {
    return gateway()
        .send(gateway().request(path, "Authorization", "Bearer " + staff.token()).DELETE());
  }

  private GatewayResponse get(String path) {
    return gateway().get(path, "Authorization", "Bearer " + admin);
  }

  private GatewayResponse post(String path, String body) {
    return gateway().post(path, body, "Authorization", "Bearer " + admin);
  }

  private GatewayResponse put(String path, String body) {
    return gateway().put(path, body, "Authorization", "Bearer " + admin);
  }

  /** The id of the entry with this code in a reference list answer. */
  static String code(GatewayResponse list, String code) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    for (JsonNode entry : list.json().path("results")) {
      codes.add(entry.path("code").asString());
      if (code.equals(entry.path("code").asString())) {
        return entry.path("id").asString();
      }
    }
    throw new AssertionError("no " + code + " among " + codes);
  }
}
