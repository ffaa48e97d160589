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
