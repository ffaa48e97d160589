package io.fieldops.ticket.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.JsonAssertions;
import io.fieldops.platform.test.TestUser;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's reference data: work types, statuses, companies, sites, contacts, merchandise and
 * employees; their defaults, levels, duplicates, tenancy, pages, deactivation and the merchandise's
 * site rule, in Thai (the default) and English.
 */
class ReferenceDataIT extends ReferenceTestSupport {

  @Test
  void aNewOrganisationSeesItsDefaultWorkTypesAndStatusesInThaiAndEnglish() {
    JsonNode types = as(agent).get(WORK_TYPES).json();
    assertThat(types.path("count").asLong()).isEqualTo(5);
    assertThat(types.path("page").asInt()).isEqualTo(1);
    assertThat(types.path("size").asInt()).isEqualTo(20);
    assertThat(texts(types, "code"))
        .containsExactly("consultation", "inspection", "installation", "pm", "repair");
    JsonNode repair = types.path("results").get(4);
    JsonAssertions.assertJson(
        repair.toString(),
        """
        {"id": "%s", "code": "repair", "name_th": "ซ่อม", "name_en": "Repair", "is_active": true}
        """
            .formatted(repair.path("id").asString()));

    JsonNode statuses = as(agent).get(STATUSES).json();
    assertThat(statuses.path("count").asLong()).isEqualTo(7);
    assertThat(texts(statuses, "code"))
        .containsExactly(
            "new", "assigned", "in_progress", "pending", "completed", "closed", "cancelled");
    assertThat(texts(statuses, "name_th"))
        .containsExactly(
            "ใหม่",
            "มอบหมายแล้ว",
            "กำลังดำเนินการ",
            "รอดำเนินการ",
            "เสร็จสิ้น",
            "ปิดงาน",
            "ยกเลิก");
    assertThat(texts(statuses, "name_en"))
        .containsExactly(
            "New", "Assigned", "In progress", "Pending", "Completed", "Closed", "Cancelled");
    JsonNode completed = statuses.path("results").get(4);
    JsonAssertions.assertJson(
        completed.toString(),
        """
        {"id": "%s", "code": "completed", "name_th": "เสร็จสิ้น", "name_en": "Completed",
         "category": "resolved", "sort_order": 50, "is_active": true}
        """
            .formatted(completed.path("id").asString()));

    // looking again creates nothing more; without the trailing slash too
    assertThat(as(agent).get("/api/v1/tickets/work-types").json().path("count").asLong())
        .isEqualTo(5);
    assertThat(
            jdbc.sql("select count(*) from ticket_status where org_id = :org")
                .param("org", org)
                .query(Long.class)
                .single())
        .isEqualTo(7);
  }

  @Test
  void anOrganisationWhoseFirstWorkTypeIsItsOwnStillGetsTheDefaults() {
    create(
        supervisor,
        WORK_TYPES,
        """
        {"code": "cleaning", "name_th": "ทำความสะอาด", "name_en": "Cleaning"}
        """);
    assertThat(texts(as(agent).get(WORK_TYPES).json(), "code"))
        .containsExactly("cleaning", "consultation", "inspection", "installation", "pm", "repair");

    JsonNode status =
        create(
            supervisor,
            STATUSES,
            """
            {"code": "waiting_parts", "name_th": "รออะไหล่", "name_en": "Waiting for parts",
             "category": "pending"}
            """);
    // without a sort_order it goes after the defaults
    assertThat(status.path("sort_order").asInt()).isEqualTo(80);
    assertThat(as(agent).get(STATUSES).json().path("count").asLong()).isEqualTo(8);
  }

  @Test
  void staffReadCustomersMayNotAndOnlySupervisorsAndAdminsWrite() {
    TestUser customer = TestUser.customer(org);
    TestUser technician = TestUser.technician(org);
    TestUser admin = TestUser.admin(org);
    for (String path :
        List.of(WORK_TYPES, STATUSES, COMPANIES, SITES, CONTACTS, MERCHANDISE, EMPLOYEES)) {
      assertProblem(as(customer).get(path), 403, "forbidden", "ไม่มีสิทธิ์เข้าถึง", null);
      assertProblem(english(customer).get(path), 403, "forbidden", "Access denied", null);
      assertStatus(as(technician).get(path), 200);
    }
    // a customer is refused before anything about the parameters
    assertStatus(as(customer).get(COMPANIES + "?size=1000"), 403);
    // one of the organisation's companies, read by id: staff yes, a customer no
    JsonNode company = company("0105551234567", "บริษัท ทดสอบ จำกัด", "Test Co., Ltd.");
    assertProblem(
        as(customer).get(COMPANIES + company.path("id").asString() + "/"),
        403,
        "forbidden",
        "ไม่มีสิทธิ์เข้าถึง",
        null);

    String workType =
        """
        {"code": "audit", "name_th": "ตรวจสอบ", "name_en": "Audit"}
        """;
    assertProblem(
        as(agent).postJson(WORK_TYPES, workType), 403, "forbidden", "ไม่มีสิทธิ์เข้าถึง", null);
    assertStatus(as(technician).postJson(WORK_TYPES, workType), 403);
    assertStatus(as(agent).postJson(COMPANIES, "{\"tax_id\": \"0105551234568\"}"), 403);
    JsonNode audit = create(supervisor, WORK_TYPES, workType);
    assertThat(audit.path("code").asString()).isEqualTo("audit");
    assertThat(audit.path("is_active").asBoolean()).isTrue();

    String path = WORK_TYPES + audit.path("id").asString() + "/";
    assertStatus(as(agent).patchJson(path, "{\"name_en\": \"Audit visit\"}"), 403);
    Http.Response changed = as(admin).patchJson(path, "{\"name_en\": \"Audit visit\"}");
    assertStatus(changed, 200);
    assertThat(changed.json().path("data").path("name_en").asString()).isEqualTo("Audit visit");
    assertThat(changed.json().path("data").path("name_th").asString()).isEqualTo("ตรวจสอบ");
    assertThat(as(agent).get(path).json().path("data").path("name_en").asString())
        .isEqualTo("Audit visit");
  }

  @Test
  void aDuplicateIsA409NamingTheMember() {
    as(agent).get(WORK_TYPES); // the defaults
    assertProblem(
        as(supervisor)
            .postJson(
                WORK_TYPES,
                """
                {"code": "repair", "name_th": "ซ่อมอีก", "name_en": "Repair again"}
                """),
        409,
        "conflict",
        "code: รหัสนี้ถูกใช้แล้ว",
        "{\"code\": \"รหัสนี้ถูกใช้แล้ว\"}");
    assertProblem(
        english(supervisor)
            .postJson(
                STATUSES,
                """
                {"code": "closed", "name_th": "ปิด", "name_en": "Closed", "category": "closed"}
                """),
        409,
        "conflict",
        "code: this code is already in use",
        "{\"code\": \"Already in use\"}");

    JsonNode company = company("0105551234567", "บริษัท เอ จำกัด", "A Co., Ltd.");
    assertProblem(
        as(supervisor).postJson(COMPANIES, "{\"tax_id\": \"0105551234567\"}"),
        409,
        "conflict",
        "tax_id: มีบริษัทที่ใช้เลขประจำตัวผู้เสียภาษีนี้แล้ว",
        "{\"tax_id\": \"มีบริษัทที่ใช้เลขประจำตัวผู้เสียภาษีนี้แล้ว\"}");
    JsonNode other = company("0105551234568", "บริษัท บี จำกัด", "B Co., Ltd.");
    assertStatus(
        english(supervisor)
            .patchJson(
                COMPANIES + other.path("id").asString() + "/", "{\"tax_id\": \"0105551234567\"}"),
        409);

    String companyId = company.path("id").asString();
    JsonNode head = site("สำนักงานใหญ่", companyId);
    assertProblem(
        english(supervisor)
            .postJson(
                SITES,
                """
                {"name": "สำนักงานใหญ่", "company_id": "%s"}
                """
                    .formatted(companyId)),
        409,
        "conflict",
        "name: the company already has a site with this name",
        "{\"name\": \"The company already has a site with this name\"}");
    // the same name at another company, or without one, is another site
    site("สำนักงานใหญ่", other.path("id").asString());
    site("สำนักงานใหญ่", null);
    assertStatus(
        as(supervisor).postJson(SITES, "{\"name\": \"สำนักงานใหญ่\", \"company_id\": null}"), 409);

    String contact =
        """
        {"site_id": "%s", "person_name": "คุณสมชาย"}
        """
            .formatted(head.path("id").asString());
    create(supervisor, CONTACTS, contact);
    assertProblem(
        as(supervisor).postJson(CONTACTS, contact),
        409,
        "conflict",
        "person_name: สถานที่นี้มีผู้ติดต่อชื่อนี้แล้ว",
        "{\"person_name\": \"สถานที่นี้มีผู้ติดต่อชื่อนี้แล้ว\"}");
  }

  @Test
  void anotherOrganisationsRowsAreNotFoundExactlyLikeMissingOnes() {
    UUID otherOrg = UUID.randomUUID();
    TestUser otherSupervisor = member(TestUser.supervisor(otherOrg));
    JsonNode theirCompany =
        create(
            otherSupervisor, COMPANIES, "{\"tax_id\": \"0994000000001\", \"name_th\": \"ของเขา\"}");
    JsonNode theirSite =
        create(
            otherSupervisor,
            SITES,
            "{\"name\": \"ที่ของเขา\", \"company_id\": \"%s\"}"
                .formatted(theirCompany.path("id").asString()));
    JsonNode theirContact = create(otherSupervisor, CONTACTS, "{\"person_name\": \"คนของเขา\"}");
    JsonNode theirMerchandise =
        create(
            otherSupervisor,
            MERCHANDISE,
            "{\"site_id\": \"%s\", \"name\": \"Printer\"}"
                .formatted(theirSite.path("id").asString()));
    as(otherSupervisor).get(WORK_TYPES);
    String theirWorkType =
        jdbc.sql("select id from work_type where org_id = :org and code = 'repair'")
            .param("org", otherOrg)
            .query(String.class)
            .single();

    assertProblem(
        as(agent).get(COMPANIES + theirCompany.path("id").asString() + "/"),
        404,
        "not-found",
        "ไม่พบบริษัท",
        null);
    assertProblem(
        as(agent).get(COMPANIES + UUID.randomUUID() + "/"), 404, "not-found", "ไม่พบบริษัท", null);
    assertProblem(
        english(agent).get(SITES + theirSite.path("id").asString()),
        404,
        "not-found",
        "Site not found",
        null);
    assertProblem(
        as(agent).get(CONTACTS + theirContact.path("id").asString()),
        404,
        "not-found",
        "ไม่พบผู้ติดต่อ",
        null);
    assertProblem(
        as(agent).get(MERCHANDISE + theirMerchandise.path("id").asString()),
        404,
        "not-found",
        "ไม่พบสินค้า",
        null);
    assertProblem(
        as(supervisor).patchJson(WORK_TYPES + theirWorkType + "/", "{\"is_active\": false}"),
        404,
        "not-found",
        "ไม่พบประเภทงาน",
        null);
    assertStatus(
        as(supervisor)
            .patchJson(COMPANIES + theirCompany.path("id").asString(), "{\"name_th\": \"ของเรา\"}"),
        404);
    assertThat(
            as(otherSupervisor)
                .get(COMPANIES + theirCompany.path("id").asString())
                .json()
                .path("data")
                .path("name_th")
                .asString())
        .isEqualTo("ของเขา");

    // ids in a body: 404 naming the member
    assertProblem(
        as(supervisor)
            .postJson(
                SITES,
                "{\"name\": \"สาขา\", \"company_id\": \"%s\"}"
                    .formatted(theirCompany.path("id").asString())),
        404,
        "not-found",
        "company_id: ไม่พบบริษัท",
        "{\"company_id\": \"ไม่พบบริษัท\"}");
    assertProblem(
        english(supervisor)
            .postJson(
                MERCHANDISE,
                "{\"name\": \"Copier\", \"site_id\": \"%s\"}"
                    .formatted(theirSite.path("id").asString())),
        404,
        "not-found",
        "site_id: site not found",
        "{\"site_id\": \"Site not found\"}");
    assertStatus(
        as(supervisor)
            .postJson(
                CONTACTS,
                "{\"person_name\": \"คุณเอ\", \"site_id\": \"%s\"}"
                    .formatted(theirSite.path("id").asString())),
        404);

    // lists show only the caller's organisation, also when filtered by the other's ids
    assertThat(as(agent).get(COMPANIES).json().path("count").asLong()).isZero();
    assertThat(
            as(agent)
                .get(SITES + "?company_id=" + theirCompany.path("id").asString())
                .json()
                .path("count")
                .asLong())
        .isZero();
    assertThat(as(agent).get(MERCHANDISE).json().path("count").asLong()).isZero();
    assertThat(texts(as(agent).get(EMPLOYEES).json(), "id"))
        .containsExactlyInAnyOrder(agent.id().toString(), supervisor.id().toString());
  }

  @Test
  void listsArePagedAndSearched() {
    company("0105550000001", "บริษัท กขค จำกัด", "Alpha Trading");
    company("0105550000002", "บริษัท งจฉ จำกัด", "Beta Services");
    company("0105550000003", "บริษัท ชซฌ จำกัด", "Gamma Alpha Holdings");

    JsonNode first = as(agent).get(COMPANIES + "?size=2").json();
    assertThat(first.path("count").asLong()).isEqualTo(3);
    assertThat(first.path("size").asInt()).isEqualTo(2);
    assertThat(texts(first, "tax_id")).containsExactly("0105550000001", "0105550000002");
    JsonNode second = as(agent).get(COMPANIES + "?size=2&page=2").json();
    assertThat(second.path("page").asInt()).isEqualTo(2);
    assertThat(texts(second, "tax_id")).containsExactly("0105550000003");
    assertThat(as(agent).get(COMPANIES + "?size=2&page=3").json().path("results").size()).isZero();

    assertThat(texts(as(agent).get(COMPANIES + "?search=alpha").json(), "tax_id"))
        .containsExactly("0105550000001", "0105550000003");
    assertThat(texts(as(agent).get(COMPANIES + "?search=0000002").json(), "name_en"))
        .containsExactly("Beta Services");
    assertThat(texts(as(agent).get(COMPANIES + "?search=งจฉ").json(), "tax_id"))
        .containsExactly("0105550000002");
    // LIKE's wildcards are searched for as written
    assertThat(as(agent).get(COMPANIES + "?search=%25").json().path("count").asLong()).isZero();

    JsonNode statuses = as(agent).get(STATUSES + "?size=3&page=2").json();
    assertThat(texts(statuses, "code")).containsExactly("pending", "completed", "closed");
    assertThat(texts(as(agent).get(WORK_TYPES + "?search=install").json(), "code"))
        .containsExactly("installation");

    assertProblem(
        as(agent).get(COMPANIES + "?size=101"),
        400,
        "validation-failed",
        "size: ต้องอยู่ระหว่าง 1 ถึง 100",
        "{\"size\": \"ขนาดหน้าต้องอยู่ระหว่าง 1 ถึง 100\"}");
    assertProblem(
        english(agent).get(SITES + "?page=0"),
        400,
        "validation-failed",
        "page: must be 1 or more",
        "{\"page\": \"Page must be 1 or more.\"}");
    assertProblem(
        english(agent).get(EMPLOYEES + "?search=" + "x".repeat(201)),
        400,
        "validation-failed",
        "search: at most 200 characters",
        "{\"search\": \"Search text must be at most 200 characters.\"}");
    Http.Response notANumber = english(agent).get(COMPANIES + "?page=two");
    assertStatus(notANumber, 400);
    assertThat(notANumber.json().path("details").path("page").asString()).isNotBlank();
    assertStatus(as(agent).get(SITES + "?company_id=not-a-uuid"), 400);
  }

  @Test
  void deactivatingHidesFromTheDefaultListWithoutDeleting() {
    as(agent).get(WORK_TYPES);
    UUID pm = idOf("work_type", "pm");
    Http.Response off = as(supervisor).patchJson(WORK_TYPES + pm + "/", "{\"is_active\": false}");
    assertStatus(off, 200);
    assertThat(off.json().path("data").path("is_active").asBoolean()).isFalse();
    assertThat(texts(as(agent).get(WORK_TYPES).json(), "code")).doesNotContain("pm").hasSize(4);
    JsonNode all = as(agent).get(WORK_TYPES + "?include_inactive=true").json();
    assertThat(all.path("count").asLong()).isEqualTo(5);
    assertThat(texts(all, "code")).contains("pm");
    assertThat(as(agent).get(WORK_TYPES + pm).json().path("data").path("is_active").asBoolean())
        .isFalse();

    UUID cancelled = idOf("ticket_status", "cancelled");
    Http.Response changed =
        as(supervisor)
            .patchJson(
                STATUSES + cancelled,
                """
                {"name_en": "Called off", "category": "closed", "sort_order": 5,
                 "is_active": false}
                """);
    assertStatus(changed, 200);
    assertThat(texts(as(agent).get(STATUSES).json(), "code")).doesNotContain("cancelled");
    assertThat(texts(as(agent).get(STATUSES + "?include_inactive=true").json(), "code"))
        .startsWith("cancelled", "new");

    JsonNode company = company("0105551111111", "บริษัท ปิด จำกัด", "Closed Co.");
    assertStatus(
        as(supervisor)
            .patchJson(COMPANIES + company.path("id").asString(), "{\"is_active\": false}"),
        200);
    assertThat(as(agent).get(COMPANIES).json().path("count").asLong()).isZero();
    assertThat(as(agent).get(COMPANIES + "?include_inactive=true").json().path("count").asLong())
        .isEqualTo(1);
    assertStatus(
        as(supervisor)
            .patchJson(COMPANIES + company.path("id").asString(), "{\"is_active\": true}"),
        200);
    assertThat(as(agent).get(COMPANIES).json().path("count").asLong()).isEqualTo(1);
  }

  @Test
  void badInputIsA400NamingTheMemberInThaiAndEnglish() {
    assertProblem(
        as(supervisor).postJson(COMPANIES, "{\"tax_id\": \"12345\"}"),
        400,
        "validation-failed",
        "tax_id: เลขประจำตัวผู้เสียภาษีต้องเป็นตัวเลข 13 หลัก",
        "{\"tax_id\": \"เลขประจำตัวผู้เสียภาษีต้องเป็นตัวเลข 13 หลัก\"}");
    assertProblem(
        english(supervisor).postJson(COMPANIES, "{\"name_th\": \"ไม่มีเลข\"}"),
        400,
        "validation-failed",
        "tax_id: is required",
        "{\"tax_id\": \"Required\"}");
    assertProblem(
        english(supervisor).postJson(SITES, "{\"name\": \"  \"}"),
        400,
        "validation-failed",
        "name: is required",
        "{\"name\": \"Required\"}");
    assertProblem(
        as(supervisor)
            .postJson(
                WORK_TYPES, "{\"code\": \"Repair Now\", \"name_th\": \"ก\", \"name_en\": \"A\"}"),
        400,
        "validation-failed",
        "code: ใช้ได้เฉพาะอักษรภาษาอังกฤษตัวเล็ก ตัวเลข _ และ - ไม่เกิน 50 ตัวอักษร",
        "{\"code\": \"ใช้ได้เฉพาะอักษรภาษาอังกฤษตัวเล็ก ตัวเลข _ และ - ไม่เกิน 50 ตัวอักษร\"}");
    assertProblem(
        english(supervisor)
            .postJson(
                STATUSES,
                "{\"code\": \"x\", \"name_th\": \"ก\", \"name_en\": \"X\", \"category\": \"done\"}"),
        400,
        "validation-failed",
        "category: must be new, open, pending, resolved or closed",
        "{\"category\": \"Must be new, open, pending, resolved or closed\"}");
    assertProblem(
        english(supervisor).postJson(COMPANIES, "{\"tax_id\": \"0105551234567\", \"age\": 3}"),
        400,
        "validation-failed",
        "age: unknown member",
        "{\"age\": \"Unknown member\"}");
    assertProblem(
        english(supervisor).postJson(COMPANIES, "[]"),
        400,
        "bad-request",
        "The request must be a JSON object",
        null);
    assertStatus(as(supervisor).postJson(COMPANIES, "{\"tax_id\": "), 400);

    as(agent).get(WORK_TYPES);
    String repair = WORK_TYPES + idOf("work_type", "repair");
    assertProblem(
        english(supervisor).patchJson(repair, "{\"is_active\": \"no\"}"),
        400,
        "validation-failed",
        "is_active: must be true or false",
        "{\"is_active\": \"Must be true or false\"}");
    assertProblem(
        english(supervisor).patchJson(repair, "{\"code\": \"fix\"}"),
        400,
        "validation-failed",
        "code: cannot be changed",
        "{\"code\": \"Cannot be changed\"}");
    assertProblem(
        as(supervisor).patchJson(repair, "{\"name_th\": null}"),
        400,
        "validation-failed",
        "name_th: กรุณาระบุข้อมูล",
        "{\"name_th\": \"กรุณาระบุข้อมูล\"}");
    assertProblem(
        english(supervisor).patchJson(repair, "{\"name_en\": \"" + "x".repeat(201) + "\"}"),
        400,
        "validation-failed",
        "name_en: at most 200 characters",
        "{\"name_en\": \"Too long\"}");
    Http.Response badId = english(supervisor).patchJson(WORK_TYPES + "42/", "{}");
    assertStatus(badId, 400);
    assertThat(badId.json().path("details").has("id")).isTrue();

    assertProblem(
        english(supervisor).postJson(SITES, "{\"name\": \"A\", \"postal_code\": \"10110\"}"),
        400,
        "validation-failed",
        "postal_code: must be a whole number of 0 or more",
        "{\"postal_code\": \"Must be a whole number of 0 or more\"}");
    assertProblem(
        english(supervisor).postJson(SITES, "{\"name\": \"A\", \"company_id\": \"123\"}"),
        400,
        "validation-failed",
        "company_id: not a valid UUID",
        "{\"company_id\": \"Not a valid UUID\"}");
    Http.Response badPhone =
        english(supervisor).postJson(CONTACTS, "{\"person_name\": \"A\", \"phone\": [\"081\", 5]}");
    assertStatus(badPhone, 400);
    assertThat(badPhone.json().path("message").asString()).isEqualTo("phone[1]: must be text");
  }

  @Test
  void sitesAnswerTheirCompanyAndContactsTheirPhonesAndEmails() {
    JsonNode company = company("0105552222222", "บริษัท ลูกค้า จำกัด", "Customer Co.");
    String companyId = company.path("id").asString();
    JsonNode site =
        create(
            supervisor,
            SITES,
            """
            {"name": "สำนักงานใหญ่", "company_id": "%s", "address_detail": "123 ถนนสุขุมวิท",
             "postal_code": 10110, "map_url": "https://maps.google.com/?q=1"}
            """
                .formatted(companyId));
    site("สาขาบางนา", null);
    assertThat(site.path("company").path("tax_id").asString()).isEqualTo("0105552222222");

    JsonNode one = as(agent).get(SITES + site.path("id").asString()).json().path("data");
    assertThat(one.path("postal_code").asInt()).isEqualTo(10110);
    assertThat(one.path("company_id").asString()).isEqualTo(companyId);
    assertThat(one.path("company").path("name_en").asString()).isEqualTo("Customer Co.");
    JsonNode ofCompany = as(agent).get(SITES + "?company_id=" + companyId).json();
    assertThat(texts(ofCompany, "name")).containsExactly("สำนักงานใหญ่");
    assertThat(ofCompany.path("results").get(0).path("company").path("id").asString())
        .isEqualTo(companyId);
    assertThat(
            as(agent)
                .get(SITES + "?search=บางนา")
                .json()
                .path("results")
                .get(0)
                .path("company")
                .isNull())
        .isTrue();

    // a change keeps what it leaves out and clears what it sends as null
    Http.Response moved =
        as(supervisor)
            .patchJson(
                SITES + site.path("id").asString(),
                "{\"company_id\": null, \"map_url\": null, \"name\": \"สำนักงานใหญ่ (เดิม)\"}");
    assertStatus(moved, 200);
    JsonNode movedSite = moved.json().path("data");
    assertThat(movedSite.path("company").isNull()).isTrue();
    assertThat(movedSite.path("map_url").isNull()).isTrue();
    assertThat(movedSite.path("address_detail").asString()).isEqualTo("123 ถนนสุขุมวิท");

    JsonNode contact =
        create(
            supervisor,
            CONTACTS,
            """
            {"site_id": "%s", "person_name": "คุณสมชาย", "nickname": "ชาย",
             "phone": ["0812345678", "021234567"], "email": ["somchai@test.com"]}
            """
                .formatted(site.path("id").asString()));
    assertThat(contact.path("phone").toString()).isEqualTo("[\"0812345678\",\"021234567\"]");
    assertThat(contact.path("email").toString()).isEqualTo("[\"somchai@test.com\"]");
    assertThat(contact.path("is_active").asBoolean()).isTrue();
    create(supervisor, CONTACTS, "{\"person_name\": \"คุณสมหญิง\"}");
    assertThat(
            texts(as(agent).get(CONTACTS + "?site_id=" + site.path("id").asString()).json(), "id"))
        .containsExactly(contact.path("id").asString());
    assertThat(texts(as(agent).get(CONTACTS + "?search=หญิง").json(), "person_name"))
        .containsExactly("คุณสมหญิง");

    Http.Response changed =
        as(supervisor)
            .patchJson(
                CONTACTS + contact.path("id").asString(),
                "{\"phone\": [\"0899999999\"], \"email\": null, \"note\": \"ติดต่อเวลาทำการเท่านั้น\"}");
    assertStatus(changed, 200);
    JsonNode updated = changed.json().path("data");
    assertThat(updated.path("phone").toString()).isEqualTo("[\"0899999999\"]");
    assertThat(updated.path("email").toString()).isEqualTo("[]");
    assertThat(updated.path("nickname").asString()).isEqualTo("ชาย");
    assertThat(updated.path("note").asString()).isEqualTo("ติดต่อเวลาทำการเท่านั้น");
  }

  @Test
  void merchandiseIsAtOneOfTheOrganisationsSitesAndStaysThereWhileTicketsLinkIt() {
    as(agent).get(WORK_TYPES); // the defaults the ticket below refers to
    as(agent).get(STATUSES);
    JsonNode a = site("อาคาร A", null);
    JsonNode b = site("อาคาร B", null);
    String siteA = a.path("id").asString();
    String siteB = b.path("id").asString();

    assertProblem(
        english(supervisor).postJson(MERCHANDISE, "{\"name\": \"Printer\"}"),
        400,
        "validation-failed",
        "site_id: is required",
        "{\"site_id\": \"Required\"}");
    assertProblem(
        as(supervisor)
            .postJson(
                MERCHANDISE,
                "{\"name\": \"Printer\", \"site_id\": \"%s\"}".formatted(UUID.randomUUID())),
        404,
        "not-found",
        "site_id: ไม่พบสถานที่",
        "{\"site_id\": \"ไม่พบสถานที่\"}");

    JsonNode printer = merchandise(siteA, "Printer", "SN-001");
    JsonAssertions.assertJson(
        printer.toString(),
        """
        {"id": "%s", "site_id": "%s", "name": "Printer", "model": "LaserJet",
         "serial_no": "SN-001", "is_active": true}
        """
            .formatted(printer.path("id").asString(), siteA));
    JsonNode copier = merchandise(siteA, "Copier", "SN-002");
    merchandise(siteB, "Scanner", "SN-003");
    assertThat(texts(as(agent).get(MERCHANDISE + "?site_id=" + siteA).json(), "name"))
        .containsExactly("Copier", "Printer");
    assertThat(texts(as(agent).get(MERCHANDISE + "?search=sn-003").json(), "name"))
        .containsExactly("Scanner");

    // not linked: it moves
    String copierPath = MERCHANDISE + copier.path("id").asString() + "/";
    Http.Response moved =
        as(supervisor).patchJson(copierPath, "{\"site_id\": \"%s\"}".formatted(siteB));
    assertStatus(moved, 200);
    assertThat(moved.json().path("data").path("site_id").asString()).isEqualTo(siteB);

    // linked by a ticket at its site: it stays, and other changes still go through
    ticketLinking(UUID.fromString(siteA), UUID.fromString(printer.path("id").asString()));
    String printerPath = MERCHANDISE + printer.path("id").asString() + "/";
    assertProblem(
        english(supervisor).patchJson(printerPath, "{\"site_id\": \"%s\"}".formatted(siteB)),
        409,
        "conflict",
        "site_id: tickets link this merchandise at its site, so it cannot move to another site",
        "{\"site_id\": \"Tickets link this merchandise at its site\"}");
    assertProblem(
        as(supervisor)
            .patchJson(printerPath, "{\"site_id\": \"%s\", \"name\": \"X\"}".formatted(siteB)),
        409,
        "conflict",
        "site_id: สินค้านี้ผูกกับตั๋วงานที่สถานที่เดิม จึงย้ายไปสถานที่อื่นไม่ได้",
        "{\"site_id\": \"สินค้านี้ผูกกับตั๋วงานที่สถานที่เดิม\"}");
    assertThat(as(agent).get(printerPath).json().path("data").path("site_id").asString())
        .isEqualTo(siteA);
    assertThat(as(agent).get(printerPath).json().path("data").path("name").asString())
        .isEqualTo("Printer");
    Http.Response renamed =
        as(supervisor)
            .patchJson(
                printerPath,
                "{\"site_id\": \"%s\", \"name\": \"Printer 2F\", \"serial_no\": null}"
                    .formatted(siteA));
    assertStatus(renamed, 200);
    assertThat(renamed.json().path("data").path("name").asString()).isEqualTo("Printer 2F");
    assertThat(renamed.json().path("data").path("serial_no").isNull()).isTrue();
    assertProblem(
        english(supervisor).patchJson(printerPath, "{\"site_id\": null}"),
        400,
        "validation-failed",
        "site_id: is required",
        "{\"site_id\": \"Required\"}");

    // deactivated, it leaves the default list but not the database
    assertStatus(as(supervisor).patchJson(printerPath, "{\"is_active\": false}"), 200);
    assertThat(texts(as(agent).get(MERCHANDISE + "?site_id=" + siteA).json(), "name")).isEmpty();
    assertThat(
            texts(
                as(agent).get(MERCHANDISE + "?site_id=" + siteA + "&include_inactive=true").json(),
                "name"))
        .containsExactly("Printer 2F");
  }

  @Test
  void employeesAreTheOrganisationsActiveStaffPagedAndSearched() {
    TestUser technician = member(TestUser.technician(org).withEmail("somsak.tech@example.test"));
    member(TestUser.customer(org));
    TestUser gone = TestUser.technician(org);
    member(gone);
    jdbc.sql("update organisation_member set active = false where user_id = :user")
        .param("user", gone.id())
        .update();

    JsonNode all = as(technician).get(EMPLOYEES).json();
    assertThat(all.path("count").asLong()).isEqualTo(3);
    assertThat(texts(all, "id"))
        .containsExactlyInAnyOrder(
            agent.id().toString(), supervisor.id().toString(), technician.id().toString());
    JsonNode tech = as(agent).get(EMPLOYEES + "?search=SOMSAK.TECH").json().path("results").get(0);
    JsonAssertions.assertJson(
        tech.toString(),
        """
        {"id": "%s", "full_name": "%s", "first_name": "%s", "last_name": "%s",
         "email": "somsak.tech@example.test", "phone_number": null, "roles": ["TECHNICIAN"],
         "level": 0, "is_active": true}
        """
            .formatted(
                technician.id(),
                technician.givenName() + " " + technician.familyName(),
                technician.givenName(),
                technician.familyName()));
    assertThat(
            as(agent)
                .get(EMPLOYEES + "?search=" + supervisor.familyName())
                .json()
                .path("results")
                .findValuesAsString("id"))
        .contains(supervisor.id().toString());

    JsonNode page = as(agent).get(EMPLOYEES + "?size=2&page=2").json();
    assertThat(page.path("count").asLong()).isEqualTo(3);
    assertThat(page.path("results").size()).isEqualTo(1);
  }
}
