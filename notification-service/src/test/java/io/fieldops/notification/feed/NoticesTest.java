package io.fieldops.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
}
