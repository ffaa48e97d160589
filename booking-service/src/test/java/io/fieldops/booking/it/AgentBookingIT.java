package io.fieldops.booking.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Seed 001's public agent endpoint: shape, formats, rules and texts. */
class AgentBookingIT extends BookingIntegrationTest {

  @Test
  void seedExampleCreatesUserAndBookingInTheSeedsShape() {
    LocalDate date = monday(0);
    Http.Response response =
        http()
            .postJson(
                AGENT,
                """
                {"phone": "0812345670", "first_name": "John", "last_name": "Doe",
                 "email": "john.doe@example.com", "service_name": "Legal Consultation",
                 "booking_date": "%s", "booking_time": "14:00", "notes": "Agent created booking"}
                """
                    .formatted(date));
    JsonNode body = response.json();
    String userId = body.path("user_id").asString();
    long bookingId = body.path("booking_id").asLong();
    assertJson(
        response,
        201,
        """
        {"success": true, "message": "Booking created successfully", "user_created": true,
         "user_id": "%s", "booking_id": %d,
         "data": {
           "booking": {"id": %d, "service_name": "Legal Consultation", "booking_date": "%s",
                       "booking_time": "14:00:00", "status": "upcoming",
                       "notes": "Agent created booking", "created_at": "%s"},
           "user": {"id": "%s", "username": "+66812345670", "first_name": "John",
                    "last_name": "Doe", "email": "john.doe@example.com",
                    "phone": "+66812345670", "is_active": true, "created": true}}}
        """
            .formatted(
                userId,
                bookingId,
                bookingId,
                date,
                body.path("data").path("booking").path("created_at").asString(),
                userId));
    assertThat(body.path("data").path("booking").path("created_at").asString()).endsWith("Z");

    Http.Response again = http().postJson(AGENT, agentBody("081-234-5670", date, "15:00"));
    assertStatus(again, 201);
    assertThat(again.json().path("user_created").asBoolean()).isFalse();
    assertThat(again.json().path("data").path("user").path("created").asBoolean()).isFalse();
    assertThat(again.json().path("user_id").asString()).isEqualTo(userId);
  }

  @Test
  void slotTakenAnswersTheSeedsText() {
    LocalDate date = monday(1);
    assertStatus(http().postJson(AGENT, agentBody(uniquePhone(), date, "13:00")), 201);
    Http.Response taken = http().postJson(AGENT, agentBody(uniquePhone(), date, "13:30"));
    assertProblem(taken, 422, "business-rule", "This time slot is already reserved", null);
  }
}
