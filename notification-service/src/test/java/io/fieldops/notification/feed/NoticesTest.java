package io.fieldops.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class NoticesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Test
  void aBookingNestedWithItsUserDetailsBecomesSeed001sFlatMessage() {
    var notice =
        Notices.from(
                "booking.created",
                json(
                    """
                    {"booking": {"id": "b1", "service_name": "Legal Consultation",
                                 "booking_date": "2030-10-20", "booking_time": "14:00:00"},
                     "user_details": {"id": "u1", "username": "1234567890"}}
                    """))
            .orElseThrow();

    assertThat(notice.type()).isEqualTo("booking_created");
    assertThat(notice.data())
        .isEqualTo(
            json(
                """
                {"id": "b1", "service_name": "Legal Consultation", "booking_date": "2030-10-20",
                 "booking_time": "14:00:00",
                 "user_details": {"id": "u1", "username": "1234567890"}}
                """));
  }

  @Test
  void flatDataIsKeptAsItIs() {
    JsonNode data = json("{\"id\": \"j1\", \"code\": \"JC-0001\"}");

    var notice = Notices.from("jobcard.created", data).orElseThrow();

    assertThat(notice.type()).isEqualTo("jobcard_created");
    assertThat(notice.data()).isEqualTo(data);
  }

  /** jobcard-service's job card view, flat, as its events carry it. */
  private static final String JOB_CARD =
      """
      "id": 7, "code": "JC-0001", "client": "3f0c8a52-3c1e-4c55-9c2b-2f1e0b6d8a10",
      "client_name": "Somchai Jaidee", "client_mobile": "0812345678", "client_city": "Bangkok",
      "service_type": "Termite inspection", "schedule_date": "2030-10-20",
      "technician_id": "9d7e6c5b-4a3f-4e2d-8c1b-0a9f8e7d6c5b", "technician_name": "Tom Ng",
      "price": "499.5", "job_type": "Customer",
      "notes": "Back door", "reference": "REF-1", "created_at": "2030-10-19T08:00:00Z",
      "updated_at": "2030-10-19T08:00:00Z", "version": 0,
      "created_by": "0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21"
      """;

  @Test
  void aFlatJobCardCreatedKeepsEveryMemberTheDashboardShows() {
    JsonNode data =
        json("{" + JOB_CARD + ", \"status\": \"Enquiry\", \"payment_status\": \"Unpaid\"}");

    var notice = Notices.from("jobcard.created", data).orElseThrow();

    assertThat(notice.type()).isEqualTo("jobcard_created");
    assertThat(notice.data()).isEqualTo(data);
    assertThat(notice.data().path("code").asString()).isEqualTo("JC-0001");
    assertThat(notice.data().path("client_name").asString()).isEqualTo("Somchai Jaidee");
    assertThat(notice.data().path("service_type").asString()).isEqualTo("Termite inspection");
    assertThat(notice.data().path("schedule_date").asString()).isEqualTo("2030-10-20");
    assertThat(notice.data().path("technician_name").asString()).isEqualTo("Tom Ng");
  }

  @Test
  void aJobCardWithoutScheduleOrTechnicianKeepsItsNulls() {
    JsonNode data =
        json(
            """
            {"id": 8, "code": "JC-0002", "client_name": "Malee", "service_type": "Repair",
             "schedule_date": null, "technician_id": null, "technician_name": null,
             "status": "Enquiry"}
            """);

    assertThat(Notices.from("jobcard.created", data).orElseThrow().data()).isEqualTo(data);
  }

  @Test
  void aStatusChangeCarriesTheJobCardAndFromAndTo() {
    JsonNode data =
        json(
            "{"
                + JOB_CARD
                + ", \"status\": \"Scheduled\", \"payment_status\": \"Unpaid\","
                + " \"from\": \"Enquiry\", \"to\": \"Scheduled\"}");

    var notice = Notices.from("jobcard.status_changed", data).orElseThrow();

    assertThat(notice.type()).isEqualTo("jobcard_status_changed");
    assertThat(notice.data()).isEqualTo(data);
    assertThat(notice.data().path("from").asString()).isEqualTo("Enquiry");
    assertThat(notice.data().path("to").asString()).isEqualTo("Scheduled");
  }

  @Test
  void completedAndPaymentChangedKeepTheirOwnMembers() {
    JsonNode completed =
        json(
            "{"
                + JOB_CARD
                + ", \"status\": \"Completed\", \"payment_status\": \"Unpaid\","
                + " \"completed_at\": \"2030-10-20T10:00:00Z\","
                + " \"customer_id\": \"3f0c8a52-3c1e-4c55-9c2b-2f1e0b6d8a10\"}");
    JsonNode payment =
        json(
            "{"
                + JOB_CARD
                + ", \"status\": \"Completed\", \"payment_status\": \"Partially Paid\","
                + " \"from\": \"Unpaid\","
                + " \"to\": \"Partially Paid\", \"amount_paid\": \"250\"}");

    assertThat(Notices.from("jobcard.completed", completed).orElseThrow())
        .isEqualTo(new Notices.Notice("jobcard_completed", completed));
    assertThat(Notices.from("jobcard.payment_changed", payment).orElseThrow())
        .isEqualTo(new Notices.Notice("jobcard_payment_changed", payment));
  }

  /**
   * ticket-service's ticket.created, flat: the ticket as seed 003 answers it (its own members, then
   * every relationship expanded, the site with its company), plus {@code created_by}.
   */
  private static final String TICKET_CREATED =
      """
      {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
       "details": "เครื่องปริ้นเตอร์เสีย ไม่สามารถพิมพ์เอกสารได้",
       "work_type_id": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
       "assigner_id": "0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21",
       "status_id": "3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f", "additional": "ต้องการช่างด่วน",
       "site_id": "4d5e6f7a-8b9c-4d0e-1f2a-3b4c5d6e7f80",
       "contact_id": "5e6f7a8b-9c0d-4e1f-2a3b-4c5d6e7f8091",
       "appointment_id": "6f7a8b9c-0d1e-4f2a-3b4c-5d6e7f8091a2",
       "created_at": "2030-10-19T08:00:00Z", "updated_at": "2030-10-19T08:00:00Z",
       "work_type": {"id": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "code": "repair",
                     "name_th": "ซ่อม", "name_en": "Repair", "is_active": true},
       "assigner": {"id": "0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21", "full_name": "Prakit Admin",
                    "first_name": "Prakit", "last_name": "Admin", "email": "prakit@example.com",
                    "phone_number": null, "roles": ["ADMIN"], "level": 3, "is_active": true},
       "status": {"id": "3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f", "code": "new", "name_th": "ใหม่",
                  "name_en": "New", "category": "new", "sort_order": 1, "is_active": true},
       "site": {"id": "4d5e6f7a-8b9c-4d0e-1f2a-3b4c5d6e7f80",
                "company_id": "7a8b9c0d-1e2f-4a3b-4c5d-6e7f8091a2b3", "name": "สำนักงานใหญ่",
                "address_detail": "123 ถนนสุขุมวิท", "subdistrict_code": null, "postal_code": 10110,
                "district_code": null, "province_code": null,
                "map_url": "https://maps.google.com/...", "is_active": true,
                "created_at": "2030-10-19T08:00:00Z", "updated_at": "2030-10-19T08:00:00Z",
                "company": {"id": "7a8b9c0d-1e2f-4a3b-4c5d-6e7f8091a2b3",
                            "tax_id": "0123456789012", "name_th": "บริษัท ทดสอบ จำกัด",
                            "name_en": "Test Company Limited", "address_detail": null,
                            "is_active": true, "created_at": "2030-10-19T08:00:00Z",
                            "updated_at": "2030-10-19T08:00:00Z"}},
       "contact": {"id": "5e6f7a8b-9c0d-4e1f-2a3b-4c5d6e7f8091",
                   "site_id": "4d5e6f7a-8b9c-4d0e-1f2a-3b4c5d6e7f80", "person_name": "คุณสมชาย",
                   "nickname": "ชาย", "phone": ["0812345678", "021234567"],
                   "email": ["somchai@test.com"], "line_id": null, "note": null},
       "appointment": {"id": "6f7a8b9c-0d1e-4f2a-3b4c-5d6e7f8091a2",
                       "appointment_date": "2030-11-20", "appointment_time_start": "09:00:00",
                       "appointment_time_end": "12:00:00", "appointment_type": "scheduled"},
       "employees": [{"id": "0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21", "full_name": "Prakit Admin",
                      "first_name": "Prakit", "last_name": "Admin",
                      "email": "prakit@example.com", "phone_number": null,
                      "roles": ["ADMIN"], "level": 3, "is_active": true}],
       "merchandise": [],
       "created_by": "0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21"}
      """;

  @Test
  void aFlatTicketCreatedKeepsItsSiteAndAppointmentAsTheDashboardShowsThem() {
    JsonNode data = json(TICKET_CREATED);

    var notice = Notices.from("ticket.created", data).orElseThrow();

    assertThat(notice.type()).isEqualTo("ticket_created");
    // flat already: nothing lifted, nothing renamed, nothing dropped
    assertThat(notice.data()).isEqualTo(data);
    JsonNode ticket = notice.data();
    assertThat(ticket.path("details").asString())
        .isEqualTo("เครื่องปริ้นเตอร์เสีย ไม่สามารถพิมพ์เอกสารได้");
    assertThat(ticket.path("work_type").path("name_en").asString()).isEqualTo("Repair");
    assertThat(ticket.path("status").path("name_en").asString()).isEqualTo("New");
    assertThat(ticket.path("site").path("name").asString()).isEqualTo("สำนักงานใหญ่");
    assertThat(ticket.path("site").path("company").path("name_th").asString())
        .isEqualTo("บริษัท ทดสอบ จำกัด");
    assertThat(ticket.path("appointment").path("appointment_date").asString())
        .isEqualTo("2030-11-20");
    assertThat(ticket.path("appointment").path("appointment_time_start").asString())
        .isEqualTo("09:00:00");
    assertThat(ticket.path("employees").get(0).path("full_name").asString())
        .isEqualTo("Prakit Admin");
  }

  @Test
  void aBacklogTicketWithoutSiteKeepsItsNulls() {
    ObjectNode data = (ObjectNode) json(TICKET_CREATED);
    data.putNull("site_id").putNull("site").putNull("contact_id").putNull("contact");
    data.putNull("appointment_id").putNull("appointment").putNull("details");

    var notice = Notices.from("ticket.created", data).orElseThrow();

    assertThat(notice.data()).isEqualTo(data);
    assertThat(notice.data().get("site").isNull()).isTrue();
    assertThat(notice.data().get("appointment").isNull()).isTrue();
  }

  @Test
  void aTicketDeletedIsOnlyItsIdAndWhoDeletedIt() {
    JsonNode data =
        json(
            """
            {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
             "deleted_by": "0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21"}
            """);

    var notice = Notices.from("ticket.deleted", data).orElseThrow();

    assertThat(notice).isEqualTo(new Notices.Notice("ticket_deleted", data));
  }

  @Test
  void ticketUpdatedAndAssignedKeepWhatTheEventAdds() {
    ObjectNode updated = (ObjectNode) json(TICKET_CREATED);
    updated.remove("created_by");
    updated.putArray("changed").add("ticket.details").add("appointment");
    updated.put("changed_by", "0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21");
    ObjectNode assigned = (ObjectNode) json(TICKET_CREATED);
    assigned.remove("created_by");
    assigned.putArray("added").add("0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21");
    assigned.put("assigned_by", "0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21");

    assertThat(Notices.from("ticket.updated", updated).orElseThrow())
        .isEqualTo(new Notices.Notice("ticket_updated", updated));
    assertThat(Notices.from("ticket.assigned", assigned).orElseThrow())
        .isEqualTo(new Notices.Notice("ticket_assigned", assigned));
  }

  @Test
  void theNestedObjectWinsOverATopLevelMemberOfTheSameName() {
    var notice =
        Notices.from(
                "ticket.updated",
                json("{\"ticket\": {\"id\": \"t1\"}, \"id\": \"other\", \"changed\": [\"x\"]}"))
            .orElseThrow();

    assertThat(notice.data()).isEqualTo(json("{\"id\": \"t1\", \"changed\": [\"x\"]}"));
  }

  @Test
  void otherAggregatesAndMalformedTypesAreNotNotifications() {
    assertThat(Notices.from("user.registered", json("{}"))).isEmpty();
    assertThat(Notices.from("booking", json("{}"))).isEmpty();
    assertThat(Notices.from("booking.", json("{}"))).isEmpty();
    assertThat(Notices.from(".created", json("{}"))).isEmpty();
    assertThat(Notices.from(null, json("{}"))).isEmpty();
  }

  @Test
  void dataThatIsNoObjectBecomesAnEmptyObject() {
    assertThat(Notices.from("booking.cancelled", json("[1, 2]")).orElseThrow().data())
        .isEqualTo(json("{}"));
    assertThat(Notices.from("booking.cancelled", null).orElseThrow().data()).isEqualTo(json("{}"));
  }

  @Test
  void theTechniciansATicketWasJustAssignedToAreToldInPerson() {
    ObjectNode assigned = (ObjectNode) json(TICKET_CREATED);
    assigned
        .putArray("added")
        .add("0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21")
        .add("9d7e6c5b-4a3f-4e2d-8c1b-0a9f8e7d6c5b")
        .add("not-a-uuid");

    assertThat(Notices.from("ticket.assigned", assigned).orElseThrow().recipients())
        .containsExactly(
            java.util.UUID.fromString("0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21"),
            java.util.UUID.fromString("9d7e6c5b-4a3f-4e2d-8c1b-0a9f8e7d6c5b"));
    // created and updated go to the organisation's feed only: the assigned event follows them
    assertThat(Notices.from("ticket.created", json(TICKET_CREATED)).orElseThrow().recipients())
        .isEmpty();
    assertThat(Notices.from("ticket.deleted", json("{\"id\": \"t1\"}")).orElseThrow().recipients())
        .isEmpty();
  }

  @Test
  void aJobCardsTechnicianIsToldWhenTheCardIsCreatedWithThemOrHandedToThem() {
    var technician = java.util.UUID.fromString("9d7e6c5b-4a3f-4e2d-8c1b-0a9f8e7d6c5b");
    String card = "{" + JOB_CARD + ", \"status\": \"Scheduled\"}";

    assertThat(Notices.from("jobcard.created", json(card)).orElseThrow().recipients())
        .containsExactly(technician);
    ObjectNode handedOver = (ObjectNode) json(card);
    handedOver.putArray("changed").add("notes").add("technician_id");
    assertThat(Notices.from("jobcard.updated", handedOver).orElseThrow().recipients())
        .containsExactly(technician);
    ObjectNode notesOnly = (ObjectNode) json(card);
    notesOnly.putArray("changed").add("notes");
    assertThat(Notices.from("jobcard.updated", notesOnly).orElseThrow().recipients()).isEmpty();
    ObjectNode unassigned = (ObjectNode) json(card);
    unassigned.putNull("technician_id");
    assertThat(Notices.from("jobcard.created", unassigned).orElseThrow().recipients()).isEmpty();
    assertThat(Notices.from("jobcard.status_changed", json(card)).orElseThrow().recipients())
        .isEmpty();
    assertThat(Notices.from("booking.created", json("{}")).orElseThrow().recipients()).isEmpty();
  }
}
