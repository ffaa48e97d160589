package io.fieldops.booking.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.KafkaProbe;
import io.fieldops.platform.test.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Settings, customers' and staff's booking management, availability, tenancy and events. */
class ManagementIT extends BookingIntegrationTest {

  static final String DEFAULT_HOURS =
      """
      {"monday": {"start": "12:00:00", "end": "17:00:00"},
       "tuesday": {"start": "12:00:00", "end": "17:00:00"},
       "wednesday": {"start": "12:00:00", "end": "17:00:00"},
       "thursday": {"start": "12:00:00", "end": "17:00:00"},
       "friday": {"start": "12:00:00", "end": "17:00:00"},
       "saturday": {"start": "12:00:00", "end": "17:00:00"},
       "sunday": {"start": "12:00:00", "end": "17:00:00"}}
      """;

  @Test
  void theDefaultOrganisationHasTheSeedsSettingsOthersHaveNone() {
    Http.Response defaults = as(TestUser.admin(AUTH.defaultOrg.id())).get(SETTINGS);
    assertJson(
        defaults,
        200,
        """
        {"time_zone": "Asia/Bangkok", "working_hours": %s, "off_days": ["sunday"],
         "closed_dates": [], "slot_minutes": 60, "capacity": 1, "min_notice_minutes": 0, "max_days_ahead": 365,
         "date_order": null, "version": 0, "updated_at": "%s"}
        """
            .formatted(DEFAULT_HOURS, defaults.json().path("updated_at").asString()));
    assertThat(defaults.header("ETag")).isEqualTo("\"0\"");

    AuthStub.Org other = AUTH.organisation("DMY");
    assertProblem(
        as(TestUser.admin(other.id())).get(SETTINGS),
        404,
        "not-found",
        "No booking settings found",
        null);
    Http.Response customer = as(TestUser.customer(other.id())).get(SETTINGS);
    assertStatus(customer, 403);
    assertStatus(as(TestUser.agent(other.id())).putJson(SETTINGS, "{}"), 403);
    assertStatus(as(TestUser.admin(other.id()).withLevel(2)).putJson(SETTINGS, "{}"), 403);
    assertStatus(http().get(SETTINGS), 401);
  }

  @Test
  void anAdminSavesSettingsGuardedByIfMatch() {
    AuthStub.Org org = AUTH.organisation("DMY");
    Http admin = as(TestUser.admin(org.id()));
    Http.Response saved =
        admin.putJson(
            SETTINGS,
            """
            {"time_zone": "Europe/London",
             "working_hours": {"monday": {"start": "9:00 AM", "end": "12:30"},
                               "saturday": {"start": "10:00", "end": "14:00"}},
             "off_days": ["saturday"], "closed_dates": ["2030-01-01", "2029-12-31"],
             "slot_minutes": 30, "capacity": 3,
             "min_notice_minutes": 120, "max_days_ahead": 30, "date_order": "MDY"}
            """);
    assertJson(
        saved,
        200,
        """
        {"time_zone": "Europe/London",
         "working_hours": {"monday": {"start": "09:00:00", "end": "12:30:00"},
                           "saturday": {"start": "10:00:00", "end": "14:00:00"}},
         "off_days": ["saturday"], "closed_dates": ["2029-12-31", "2030-01-01"],
         "slot_minutes": 30, "capacity": 3,
         "min_notice_minutes": 120, "max_days_ahead": 30, "date_order": "MDY",
         "version": 0, "updated_at": "%s"}
        """
            .formatted(saved.json().path("updated_at").asString()));
    assertStatus(admin.header("If-Match", "\"0\"").putJson(SETTINGS, "{\"capacity\": 2}"), 200);
    assertProblem(
        as(TestUser.admin(org.id())).header("If-Match", "\"0\"").putJson(SETTINGS, "{}"),
        412,
        "stale-version",
        "The record was changed by someone else; reload it and try again",
        null);
    assertThat(as(TestUser.admin(org.id())).get(SETTINGS).json().path("capacity").asInt())
        .isEqualTo(2);
  }

  /** Issue 16: {@code time_zone: -1} was stored as -01:00; a zone is a name (TimeZoneNames). */
  @Test
  void timeZoneIsANameNeverAnOffset() {
    Http admin = as(TestUser.admin(AUTH.organisation("DMY").id()));
    for (String offset : List.of("-1", "+07:00", "UTC+7", "Z")) {
      assertProblem(
          admin.putJson(SETTINGS, "{\"time_zone\": \"%s\"}".formatted(offset)),
          400,
          "validation-failed",
          "Validation failed",
          "{\"time_zone\": \"Must be a time zone name such as Asia/Bangkok or UTC, not an offset\"}");
    }
    assertProblem(
        admin.putJson(SETTINGS, "{\"time_zone\": -1}"),
        400,
        "type-mismatch",
        "'time_zone' must be a string",
        "{\"time_zone\": \"'time_zone' must be a string\"}");
    assertThat(admin.get(SETTINGS).status()).as("nothing was saved").isEqualTo(404);

    Http.Response utc = admin.putJson(SETTINGS, "{\"time_zone\": \"UTC\"}");
    assertStatus(utc, 200);
    assertThat(utc.json().path("time_zone").asString()).isEqualTo("UTC");
  }

  @Test
  void badSettingsNameTheirField() {
    Http admin = as(TestUser.admin(AUTH.organisation("DMY").id()));
    record Case(String body, String field, String message) {}
    for (Case c :
        List.of(
            new Case("{\"time_zone\": \"Mars/Base\"}", "time_zone", "Unknown time zone"),
            new Case(
                "{\"working_hours\": {\"funday\": {\"start\": \"10:00\", \"end\": \"12:00\"}}}",
                "working_hours.funday",
                "Must be a weekday name such as monday"),
            new Case(
                "{\"working_hours\": {\"monday\": {\"start\": \"25:00\", \"end\": \"12:00\"}}}",
                "working_hours.monday.start",
                "Invalid time format"),
            new Case(
                "{\"working_hours\": {\"monday\": {\"start\": \"13:00\", \"end\": \"12:00\"}}}",
                "working_hours.monday.end",
                "Must be after start"),
            new Case(
                "{\"off_days\": [\"sunday\", \"someday\"]}",
                "off_days[1]",
                "Must be a weekday name such as monday"),
            new Case(
                "{\"closed_dates\": [\"2030-02-30\"]}",
                "closed_dates[0]",
                "Must be a date such as 2026-12-31"),
            new Case("{\"date_order\": \"YMD\"}", "date_order", "Must be DMY or MDY"))) {
      Http.Response response = admin.putJson(SETTINGS, c.body());
      assertStatus(response, 400);
      JsonNode details = response.json().path("details");
      assertThat(details.toString()).as(c.body()).contains(c.message());
      assertThat(response.body()).as(c.body()).contains(c.field().replaceAll("\\..*", ""));
    }
    for (String body :
        List.of(
            "{\"slot_minutes\": 0}",
            "{\"capacity\": 0}",
            "{\"capacity\": 101}",
            "{\"min_notice_minutes\": -1}",
            "{\"max_days_ahead\": 0}",
            "{\"capacity\": \"many\"}")) {
      Http.Response response = admin.putJson(SETTINGS, body);
      assertStatus(response, 400);
      String field = body.substring(2, body.indexOf('"', 2));
      assertThat(response.body()).as(body).contains(field);
    }
  }

  @Test
  void aCustomerBooksListsReschedulesAndCancelsTheirOwn() {
    TestUser customer = TestUser.customer(testOrg.id());
    Http me = as(customer);
    LocalDate date = monday(20);
    Http.Response created =
        me.postJson(
            BOOKINGS,
            """
            {"service_name": "Consultation", "booking_date": "%s", "booking_time": "2:00 PM",
             "notes": "first visit"}
            """
                .formatted(date));
    long id = created.json().path("id").asLong();
    assertJson(
        created,
        201,
        """
        {"id": %d, "service_name": "Consultation", "booking_date": "%s",
         "booking_time": "14:00:00", "end_time": "15:00:00", "status": "upcoming",
         "notes": "first visit", "user_id": "%s",
         "customer": {"username": "%s", "first_name": "%s", "last_name": "%s", "email": "%s",
                      "phone": "%s"},
         "source": "customer", "version": 0, "created_at": "%s", "updated_at": "%s"}
        """
            .formatted(
                id,
                date,
                customer.id(),
                customer.phoneNumber(),
                customer.givenName(),
                customer.familyName(),
                customer.email(),
                customer.phoneNumber(),
                created.json().path("created_at").asString(),
                created.json().path("updated_at").asString()));
    assertThat(created.header("ETag")).isEqualTo("\"0\"");

    // someone else's booking is not in the list and answers 404
    Http.Response other =
        agent().postJson(AGENT, agentBody(uniquePhone(), date.toString(), "12:00"));
    long othersId = other.json().path("booking_id").asLong();
    Http.Response mine = me.get(BOOKINGS);
    assertThat(mine.json().path("count").asLong()).isEqualTo(1);
    assertThat(mine.json().path("results").get(0).path("id").asLong()).isEqualTo(id);
    assertStatus(me.get(BOOKINGS + othersId + "/"), 404);
    assertStatus(me.postJson(BOOKINGS + othersId + "/cancel/", ""), 404);
    assertStatus(me.patchJson(BOOKINGS + id + "/status/", "{\"status\": \"completed\"}"), 403);

    Http.Response moved =
        me.header("If-Match", "\"0\"")
            .postJson(
                BOOKINGS + id + "/reschedule/",
                "{\"booking_date\": \"%s\", \"booking_time\": \"16:00\"}".formatted(date));
    assertStatus(moved, 200);
    assertThat(moved.json().path("booking_time").asString()).isEqualTo("16:00:00");
    assertThat(moved.header("ETag")).isEqualTo("\"1\"");
    assertProblem(
        as(customer)
            .header("If-Match", "\"0\"")
            .postJson(
                BOOKINGS + id + "/reschedule/",
                "{\"booking_date\": \"%s\", \"booking_time\": \"13:00\"}".formatted(date)),
        412,
        "stale-version",
        "The record was changed by someone else; reload it and try again",
        null);
    assertProblem(
        as(customer)
            .postJson(
                BOOKINGS + id + "/reschedule/",
                "{\"booking_date\": \"%s\", \"booking_time\": \"12:30\"}".formatted(date)),
        422,
        "business-rule",
        "This time slot is already reserved",
        null);
    assertProblem(
        as(customer)
            .postJson(
                BOOKINGS + id + "/reschedule/",
                "{\"booking_date\": \"%s\", \"booking_time\": \"18:00\"}".formatted(date)),
        422,
        "business-rule",
        "Booking time is outside working hours",
        null);

    Http.Response cancelled = as(customer).postJson(BOOKINGS + id + "/cancel/", "");
    assertStatus(cancelled, 200);
    assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
    assertProblem(
        as(customer).postJson(BOOKINGS + id + "/cancel/", ""),
        409,
        "invalid-status-transition",
        "A booking that is cancelled cannot become cancelled",
        null);
    // the cancelled slot is free again
    assertStatus(agent().postJson(AGENT, agentBody(uniquePhone(), date.toString(), "16:00")), 201);
  }

  @Test
  void customerInputIsCheckedLikeTheAgents() {
    Http me = as(TestUser.customer(testOrg.id()));
    assertStatus(me.postJson(BOOKINGS, "{\"booking_date\": \"2030-01-01\"}"), 400);
    Http.Response badDate =
        me.postJson(
            BOOKINGS,
            "{\"service_name\": \"X\", \"booking_date\": \"soon\", \"booking_time\": \"14:00\"}");
    assertProblem(
        badDate,
        400,
        "validation-failed",
        "Invalid date format",
        "{\"booking_date\": \"Invalid date format\"}");
    AuthStub.Org unconfigured = AUTH.organisation("DMY");
    assertProblem(
        as(TestUser.customer(unconfigured.id()))
            .postJson(
                BOOKINGS,
                "{\"service_name\": \"X\", \"booking_date\": \"%s\", \"booking_time\": \"14:00\"}"
                    .formatted(monday(20))),
        422,
        "business-rule",
        "No booking settings found",
        null);
    assertStatus(http().get(BOOKINGS), 401);
  }

  @Test
  void staffListFilterAndCloseBookingsOfTheirOrganisationOnly() throws Exception {
    AuthStub.Org org = organisationWithSettings(1, "DMY");
    LocalDate date = monday(21);
    long first = agentBooking(org, "0817000001", "Pest control", date, "12:00");
    long second = agentBooking(org, "0817000002", "Legal Consultation", date, "13:00");
    long third = agentBooking(org, "0817000003", "Pest control", date.plusDays(1), "12:00");
    Http agent = as(TestUser.agent(org.id()));

    assertThat(ids(agent.get(BOOKINGS))).containsExactly(first, second, third);
    assertThat(ids(agent.get(BOOKINGS + "?service_name=pest"))).containsExactly(first, third);
    assertThat(ids(agent.get(BOOKINGS + "?phone=081-700-0002"))).containsExactly(second);
    assertThat(ids(agent.get(BOOKINGS + "?phone=%2B66%2081%20700%200002"))).containsExactly(second);
    assertThat(ids(agent.get(BOOKINGS + "?date_from=" + date + "&date_to=" + date)))
        .containsExactly(first, second);
    Http.Response paged = agent.get(BOOKINGS + "?size=2&page=2");
    assertThat(paged.json().path("count").asLong()).isEqualTo(3);
    assertThat(ids(paged)).containsExactly(third);
    assertStatus(agent.get(BOOKINGS + "?status=done"), 400);
    assertStatus(agent.get(BOOKINGS + "?date_from=yesterday"), 400);
    assertStatus(agent.get(BOOKINGS + "?size=1000"), 400);
    assertStatus(agent.get(BOOKINGS + "?date_from=" + date + "&date_to=" + date.minusDays(1)), 400);

    // another organisation's staff see none of it
    Http stranger = as(TestUser.admin(AUTH.defaultOrg.id()));
    assertStatus(stranger.get(BOOKINGS + first + "/"), 404);
    assertStatus(
        stranger.patchJson(BOOKINGS + first + "/status/", "{\"status\": \"completed\"}"), 404);
    assertThat(ids(stranger.get(BOOKINGS + "?phone=0817000001"))).isEmpty();

    try (KafkaProbe probe = new KafkaProbe(kafka, "bookings")) {
      Http.Response completed =
          agent.patchJson(BOOKINGS + first + "/status/", "{\"status\": \"completed\"}");
      assertStatus(completed, 200);
      assertThat(completed.json().path("status").asString()).isEqualTo("completed");
      JsonNode event = event(probe, first, "booking.completed");
      assertThat(event.path("org_id").asString()).isEqualTo(org.id().toString());
      assertThat(event.path("data").path("user_id").asString())
          .isEqualTo(agent.get(BOOKINGS + first + "/").json().path("user_id").asString());
      assertThat(event.path("data").path("completed_on").asString()).isEqualTo(date.toString());

      assertStatus(
          agent.patchJson(BOOKINGS + second + "/status/", "{\"status\": \"no_show\"}"), 200);
      assertProblem(
          agent.patchJson(BOOKINGS + second + "/status/", "{\"status\": \"completed\"}"),
          409,
          "invalid-status-transition",
          "A booking that is no_show cannot become completed",
          null);
      assertProblem(
          agent.patchJson(BOOKINGS + third + "/status/", "{\"status\": \"upcoming\"}"),
          400,
          "validation-failed",
          "Validation failed",
          "{\"status\": \"Must be one of: completed, cancelled, no_show\"}");

      Http.Response moved =
          agent.postJson(
              BOOKINGS + third + "/reschedule/",
              "{\"booking_date\": \"%s\", \"booking_time\": \"15:00\"}".formatted(date));
      assertStatus(moved, 200);
      JsonNode rescheduled = event(probe, third, "booking.rescheduled");
      assertThat(rescheduled.path("data").path("previous_booking_date").asString())
          .isEqualTo(date.plusDays(1).toString());
      assertThat(rescheduled.path("data").path("booking_time").asString()).isEqualTo("15:00:00");

      assertStatus(agent.postJson(BOOKINGS + third + "/cancel/", ""), 200);
      assertThat(event(probe, third, "booking.cancelled").path("data").path("status").asString())
          .isEqualTo("cancelled");
    }
  }

  @Test
  void aClosedDateRefusesBookingsWithTheOffDayText() {
    AuthStub.Org org = AUTH.organisation("DMY");
    LocalDate holiday = monday(24);
    assertStatus(
        as(TestUser.admin(org.id()))
            .putJson(SETTINGS, "{\"closed_dates\": [\"%s\"]}".formatted(holiday)),
        200);
    assertProblem(
        http()
            .header("X-Organization", org.slug())
            .postJson(AGENT, agentBody(uniquePhone(), holiday, "14:00")),
        422,
        "business-rule",
        "Booking not allowed on off days",
        null);
    Http.Response day =
        as(TestUser.customer(org.id())).get("/api/v1/bookings/availability/?date=" + holiday);
    assertThat(day.json().path("off_day").asBoolean()).isTrue();
    assertThat(day.json().path("slots").size()).isZero();
    assertStatus(
        http()
            .header("X-Organization", org.slug())
            .postJson(AGENT, agentBody(uniquePhone(), holiday.plusDays(1), "14:00")),
        201);
  }

  @Test
  void availabilityListsTheFreeSlotsOfADay() {
    AuthStub.Org org = organisationWithSettings(2, "DMY");
    LocalDate date = monday(22);
    agentBooking(org, "0818000001", "X", date, "13:00");
    agentBooking(org, "0818000002", "X", date, "13:00");
    agentBooking(org, "0818000003", "X", date, "14:30");
    Http.Response day =
        as(TestUser.customer(org.id()))
            .get("/api/v1/bookings/availability/?date=" + date + "&service_name=X");
    assertJson(
        day,
        200,
        """
        {"date": "%s", "service_name": "X", "time_zone": "Asia/Bangkok", "slot_minutes": 60,
         "off_day": false,
         "slots": [{"start_time": "12:00:00", "end_time": "13:00:00", "available": 2},
                   {"start_time": "14:00:00", "end_time": "15:00:00", "available": 1},
                   {"start_time": "15:00:00", "end_time": "16:00:00", "available": 1},
                   {"start_time": "16:00:00", "end_time": "17:00:00", "available": 2}]}
        """
            .formatted(date));
    Http.Response sunday =
        as(TestUser.customer(org.id()))
            .get("/api/v1/bookings/availability/?date=" + date.minusDays(1));
    assertThat(sunday.json().path("off_day").asBoolean()).isTrue();
    assertThat(sunday.json().path("slots").size()).isZero();
    assertStatus(as(TestUser.customer(org.id())).get("/api/v1/bookings/availability/"), 400);
    assertStatus(
        as(TestUser.customer(org.id())).get("/api/v1/bookings/availability/?date=21/10/2030"), 400);
    // the year +999999999 parses as a date but overflows the day after it (it answered 500)
    Http.Response farFuture =
        as(TestUser.customer(org.id()))
            .get("/api/v1/bookings/availability?service_name=x&date=%2B999999999-12-31");
    assertStatus(farFuture, 400);
    assertThat(farFuture.json().path("details").path("date").asString())
        .isEqualTo("'date' must be a date (YYYY-MM-DD)");
    Http.Response listTo =
        as(TestUser.agent(org.id())).get("/api/v1/bookings/?date_to=%2B999999999-12-31");
    assertStatus(listTo, 400);
    assertThat(listTo.json().path("details").has("date_to")).isTrue();
  }

  @Test
  void badInputOnTheManagementEndpointsIsA400NamingTheField() {
    AuthStub.Org org = organisationWithSettings(1, "DMY");
    long id = agentBooking(org, "0819000001", "X", monday(23), "12:00");
    Http agent = as(TestUser.agent(org.id()));
    record Case(String method, String path, String body, String field) {}
    for (Case c :
        List.of(
            new Case("GET", BOOKINGS + "abc/", null, "id"),
            new Case("GET", BOOKINGS + "?page=0", null, "page"),
            new Case("GET", BOOKINGS + "?user_id=nobody", null, "user_id"),
            new Case("PATCH", BOOKINGS + id + "/status/", "{}", "status"),
            new Case("PATCH", BOOKINGS + id + "/status/", "{\"status\": 5}", "status"),
            new Case("PATCH", BOOKINGS + id + "/status/", "{\"status\": \"done\"}", "status"),
            new Case("POST", BOOKINGS + id + "/reschedule/", "{}", "booking_date"),
            new Case(
                "POST",
                BOOKINGS + id + "/reschedule/",
                "{\"booking_date\": \"%s\", \"booking_time\": \"noon\"}".formatted(monday(23)),
                "booking_time"),
            new Case("POST", BOOKINGS, "{\"service_name\": \"X\"}", "booking_date"),
            new Case("POST", BOOKINGS, "[]", ""))) {
      Http.Response response =
          switch (c.method()) {
            case "GET" -> agent.get(c.path());
            case "PATCH" -> agent.patchJson(c.path(), c.body());
            default -> agent.postJson(c.path(), c.body());
          };
      assertThat(response.status()).as(c + " " + response.body()).isEqualTo(400);
      assertThat(response.body()).as(c.toString()).contains(c.field());
    }
    assertProblem(
        agent.header("If-Match", "not-a-version").postJson(BOOKINGS + id + "/cancel/", ""),
        400,
        "validation-failed",
        "Validation failed",
        "{\"If-Match\": \"If-Match must be an ETag of this resource, such as \\\"3\\\".\"}");
    assertStatus(agent.get(BOOKINGS + "999999/"), 404);
  }

  private long agentBooking(
      AuthStub.Org org, String phone, String service, LocalDate date, String time) {
    Http.Response response =
        http()
            .header("X-Organization", org.slug())
            .postJson(
                AGENT,
                """
                {"phone": "%s", "service_name": "%s", "booking_date": "%s", "booking_time": "%s"}
                """
                    .formatted(phone, service, date, time));
    assertStatus(response, 201);
    return response.json().path("booking_id").asLong();
  }

  private static List<Long> ids(Http.Response response) {
    assertStatus(response, 200);
    return response.json().path("results").valueStream().map(n -> n.path("id").asLong()).toList();
  }

  private static JsonNode event(KafkaProbe probe, long bookingId, String type) {
    JsonMapper json = JsonMapper.builder().build();
    ConsumerRecord<String, byte[]> record =
        probe.awaitRecord(
            java.time.Duration.ofSeconds(30),
            r ->
                r.key().equals(Long.toString(bookingId))
                    && json.readTree(new String(r.value(), StandardCharsets.UTF_8))
                        .path("type")
                        .asString()
                        .equals(type));
    return json.readTree(new String(record.value(), StandardCharsets.UTF_8));
  }
}
