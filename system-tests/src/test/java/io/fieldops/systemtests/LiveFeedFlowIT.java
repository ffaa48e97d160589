package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Seed 001's agent booking reaches the dashboards of its organisation over STOMP through the
 * gateway ({@code ws://gateway/ws}), in the seed's message shape, and no one else's.
 */
class LiveFeedFlowIT extends SystemTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private LiveFeeds feeds;

  @AfterEach
  void stopClients() {
    if (feeds != null) {
      feeds.close();
    }
  }

  private BlockingQueue<JsonNode> dashboard(String accessToken) throws Exception {
    if (feeds == null) {
      feeds = new LiveFeeds(gateway());
    }
    return feeds.dashboard(accessToken);
  }

  /**
   * A weekday at least two days ahead in Bangkok (the default organisation's zone, Sundays off).
   */
  static LocalDate nextOpenDay() {
    LocalDate day = LocalDate.now(ZoneId.of("Asia/Bangkok")).plusDays(2);
    return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
  }

  @Test
  void seed001sAgentBookingReachesItsOrganisationsDashboardOnly() throws Exception {
    BlockingQueue<JsonNode> demo = dashboard(demoAdminToken());
    GatewayResponse founded =
        gateway()
            .post(
                "/api/auth/register/",
                """
                {"email": "owner-%s@example.com", "first_name": "Other", "last_name": "Owner",
                 "password1": "Sunny-Termite-42", "password2": "Sunny-Termite-42",
                 "organization_name": "Other Pest Co"}
                """
                    .formatted(UUID.randomUUID()));
    assertThat(founded.status()).as(founded.toString()).isEqualTo(201);
    BlockingQueue<JsonNode> other =
        dashboard(founded.json().path("tokens").path("access").asString());

    String date = nextOpenDay().toString();
    // seed 001's cURL example, on a future date (the seed's own date is in the past) and with a
    // phone and email of this test's own (BookingFlowIT expects the seed's user to be new)
    GatewayResponse booked =
        gateway()
            .post(
                "/api/agent/booking/create/",
                """
                {"phone": "086-555-0001", "first_name": "John", "last_name": "Doe",
                 "email": "john.doe.live@example.com", "gender": "male", "country": "USA",
                 "service_name": "Legal Consultation", "booking_date": "%s",
                 "booking_time": "14:00", "notes": "Agent created booking", "status": "upcoming"}
                """
                    .formatted(date));
    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    long bookingId = booked.json().path("booking_id").asLong();

    JsonNode message = demo.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(message).as("the demo organisation's dashboard hears of the booking").isNotNull();
    assertThat(message.path("type").asString()).isEqualTo("booking_created");
    JsonNode data = message.path("data");
    assertThat(data.path("id").asLong()).isEqualTo(bookingId);
    assertThat(data.path("service_name").asString()).isEqualTo("Legal Consultation");
    assertThat(data.path("booking_date").asString()).isEqualTo(date);
    assertThat(data.path("booking_time").asString()).isEqualTo("14:00:00");
    JsonNode user = data.path("user_details");
    assertThat(user.path("id").asString()).isEqualTo(booked.json().path("user_id").asString());
    assertThat(user.path("username").asString()).isEqualTo("0865550001");
    assertThat(user.path("first_name").asString()).isEqualTo("John");
    assertThat(user.path("last_name").asString()).isEqualTo("Doe");
    assertThat(user.path("email").asString()).isEqualTo("john.doe.live@example.com");

    // the other organisation's dashboard heard nothing (the message above has already arrived)
    assertThat(other.poll(1, TimeUnit.SECONDS)).isNull();
  }
}
