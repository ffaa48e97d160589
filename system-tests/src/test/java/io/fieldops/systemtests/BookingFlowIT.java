package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Seed 001's public agent booking through the gateway against the real auth-service: the seed's
 * cURL body's shape (with a future date, a phone and email of this test's own; the seed's own are
 * {@link SeedExamplesIT}'s) creates the user and the booking, the same phone written otherwise
 * finds the user, the slot is then taken, and the created user has no password anyone could guess.
 */
class BookingFlowIT extends SystemTest {

  private static final String AGENT = "/api/agent/booking/create/";

  /** A Monday at least a week ahead in the default organisation's zone (never an off day). */
  private static final LocalDate DATE =
      LocalDate.now(ZoneId.of("Asia/Bangkok"))
          .plusDays(7)
          .with(TemporalAdjusters.next(DayOfWeek.MONDAY));

  @Test
  void anAgentBookingCreatesUserAndBookingThenTheSlotIsTaken() {
    GatewayResponse created =
        gateway()
            .post(
                AGENT,
                """
                {
                  "phone": "0811234567",
                  "first_name": "John",
                  "last_name": "Doe",
                  "email": "booking.flow@example.com",
                  "service_name": "Legal Consultation",
                  "booking_date": "%s",
                  "booking_time": "14:00",
                  "notes": "Agent created booking"
                }
                """
                    .formatted(DATE));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.path("success").asBoolean()).isTrue();
    assertThat(body.path("message").asString()).isEqualTo("Booking created successfully");
    assertThat(body.path("user_created").asBoolean()).isTrue();
    String userId = body.path("user_id").asString();
    long bookingId = body.path("booking_id").asLong();
    JsonNode booking = body.path("data").path("booking");
    assertThat(booking.path("id").asLong()).isEqualTo(bookingId);
    assertThat(booking.path("service_name").asString()).isEqualTo("Legal Consultation");
    assertThat(booking.path("booking_date").asString()).isEqualTo(DATE.toString());
    assertThat(booking.path("booking_time").asString()).isEqualTo("14:00:00");
    assertThat(booking.path("status").asString()).isEqualTo("upcoming");
    assertThat(booking.path("notes").asString()).isEqualTo("Agent created booking");
    assertThat(booking.path("created_at").asString()).endsWith("Z");
    JsonNode user = body.path("data").path("user");
    assertThat(user.path("id").asString()).isEqualTo(userId);
    assertThat(user.path("phone").asString()).isEqualTo("0811234567");
    assertThat(user.path("username").asString()).isEqualTo(user.path("phone").asString());
    assertThat(user.path("first_name").asString()).isEqualTo("John");
    assertThat(user.path("last_name").asString()).isEqualTo("Doe");
    assertThat(user.path("email").asString()).isEqualTo("booking.flow@example.com");
    assertThat(user.path("is_active").asBoolean()).isTrue();
    assertThat(user.path("created").asBoolean()).isTrue();
    assertThat(body.propertyNames())
        .containsExactlyInAnyOrder(
            "success", "message", "user_created", "user_id", "booking_id", "data");

    GatewayResponse again = agent("081-123-4567", "Legal Consultation", DATE, "3:00 PM");
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.json().path("user_created").asBoolean()).isFalse();
    assertThat(again.json().path("user_id").asString()).isEqualTo(userId);

    GatewayResponse taken = agent("0812345678", "Legal Consultation", DATE, "14:30");
    assertThat(taken.status()).as(taken.toString()).isEqualTo(422);
    assertThat(taken.mediaType()).contains("application/problem+json");
    assertThat(taken.json().path("success").asBoolean()).isFalse();
    assertThat(taken.json().path("message").asString())
        .isEqualTo("This time slot is already reserved");

    GatewayResponse sunday = agent("0812345678", "Legal Consultation", DATE.minusDays(1), "14:00");
    assertThat(sunday.json().path("message").asString())
        .isEqualTo("Booking not allowed on off days");
  }

  private GatewayResponse agent(String phone, String service, LocalDate date, String time) {
    return gateway()
        .post(
            AGENT,
            """
            {"phone": "%s", "service_name": "%s", "booking_date": "%s", "booking_time": "%s"}
            """
                .formatted(phone, service, date, time));
  }

  @Test
  void theAgentCreatedUserCannotLogInWithADefaultPassword() {
    GatewayResponse created =
        gateway()
            .post(
                AGENT,
                """
                {"phone": "0899999991", "email": "agent.made@example.com",
                 "service_name": "Legal Consultation", "booking_date": "%s",
                 "booking_time": "12:00"}
                """
                    .formatted(DATE.plusWeeks(1)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    for (String password : new String[] {"password", "", "0899999991", "123456"}) {
      GatewayResponse login =
          gateway()
              .post(
                  "/api/auth/login/",
                  """
                  {"email": "agent.made@example.com", "password": "%s"}
                  """
                      .formatted(password));
      assertThat(login.status()).as(password + ": " + login).isIn(400, 401);
    }
  }

  @Test
  void theDemoAdminSeesAgentBookingsOfTheOrganisation() {
    GatewayResponse created = agent("0899999992", "Pest control", DATE.plusWeeks(2), "16:00");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String access = demoAdminToken();
    GatewayResponse list =
        gateway().get("/api/v1/bookings/?phone=0899999992", "Authorization", "Bearer " + access);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.json().path("count").asLong()).isEqualTo(1);
    assertThat(list.json().path("results").path(0).path("id").asLong())
        .isEqualTo(created.json().path("booking_id").asLong());
  }
}
