package io.fieldops.booking.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.booking.rules.BookingDates;
import io.fieldops.booking.rules.BookingStatus;
import io.fieldops.booking.rules.BookingTimes;
import io.fieldops.booking.rules.DateOrder;
import io.fieldops.platform.person.Gender;
import io.fieldops.platform.test.ApiDocument;
import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Seed 001's public agent endpoint: shape, formats, rules, texts, idempotency, concurrency. */
class AgentBookingIT extends BookingIntegrationTest {

  /** The only test that books in the default organisation (seed 001 names none). */
  @Test
  void seedExampleCreatesUserAndBookingInTheSeedsShape() {
    LocalDate date = monday(0);
    Http.Response response =
        http()
            .postJson(
                AGENT,
                """
                {"phone": "1234567890", "first_name": "John", "last_name": "Doe",
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
           "user": {"id": "%s", "username": "1234567890", "first_name": "John",
                    "last_name": "Doe", "email": "john.doe@example.com",
                    "phone": "1234567890", "is_active": true, "created": true}}}
        """
            .formatted(
                userId,
                bookingId,
                bookingId,
                date,
                body.path("data").path("booking").path("created_at").asString(),
                userId));
    assertThat(body.path("data").path("booking").path("created_at").asString()).endsWith("Z");

    // the same number however it is spaced is the same user
    Http.Response again = http().postJson(AGENT, agentBody("123-456-7890", date, "15:00"));
    assertStatus(again, 201);
    assertThat(again.json().path("user_created").asBoolean()).isFalse();
    assertThat(again.json().path("data").path("user").path("created").asBoolean()).isFalse();
    assertThat(again.json().path("user_id").asString()).isEqualTo(userId);
  }

  @Test
  void aRefusedTokenIsReplacedAndTheCallRetried() {
    assertStatus(agent().postJson(AGENT, agentBody(uniquePhone(), monday(11), "12:00")), 201);
    int tokens = AUTH.tokenCalls();
    AUTH.rotateToken();
    assertStatus(agent().postJson(AGENT, agentBody(uniquePhone(), monday(11), "13:00")), 201);
    assertThat(AUTH.tokenCalls()).isEqualTo(tokens + 1);
  }

  @Test
  void slotTakenAnswersTheSeedsText() {
    LocalDate date = monday(1);
    assertStatus(agent().postJson(AGENT, agentBody(uniquePhone(), date, "13:00")), 201);
    long before = bookings();
    int provisions = AUTH.provisionCalls();
    Http.Response taken = agent().postJson(AGENT, agentBody(uniquePhone(), date, "13:30"));
    assertProblem(taken, 422, "business-rule", "This time slot is already reserved", null);
    // refused before auth-service is asked: the new phone's user is not created
    assertThat(AUTH.provisionCalls()).isEqualTo(provisions);
    // an adjacent slot (13:00-14:00 ends where 14:00 starts) is free
    assertStatus(agent().postJson(AGENT, agentBody(uniquePhone(), date, "14:00")), 201);
    assertThat(bookings()).isEqualTo(before + 1);
  }

  @Test
  void everyMissingRequiredFieldIsNamed() {
    int provisions = AUTH.provisionCalls();
    Map<String, String> complete =
        Map.of(
            "phone", "\"0811111111\"",
            "service_name", "\"Legal Consultation\"",
            "booking_date", "\"" + monday(2) + "\"",
            "booking_time", "\"14:00\"");
    for (String missing : List.of("phone", "service_name", "booking_date", "booking_time")) {
      for (String absentOrBlank : List.of("absent", "blank", "null")) {
        String body =
            complete.entrySet().stream()
                .filter(e -> !e.getKey().equals(missing) || !absentOrBlank.equals("absent"))
                .map(
                    e ->
                        "\""
                            + e.getKey()
                            + "\": "
                            + (!e.getKey().equals(missing)
                                ? e.getValue()
                                : absentOrBlank.equals("blank") ? "\"  \"" : "null"))
                .collect(Collectors.joining(", ", "{", "}"));
        assertProblem(
            agent().postJson(AGENT, body),
            400,
            "validation-failed",
            "Missing required field: " + missing,
            "{\"" + missing + "\": \"This field is required.\"}");
      }
    }
    assertThat(AUTH.provisionCalls()).as("nothing asked of auth-service").isEqualTo(provisions);
  }

  @Test
  void invalidDatesAndTimesAnswerTheSeedsTexts() {
    for (String date :
        List.of(
            "2030/10/21",
            "21.10.2030",
            "tomorrow",
            "31/02/2030",
            "13/13/2030",
            "2030-13-01",
            "21/10/30",
            "")) {
      if (date.isEmpty()) {
        continue;
      }
      assertProblem(
          agent().postJson(AGENT, agentBody(uniquePhone(), date, "14:00")),
          400,
          "validation-failed",
          "Invalid date format",
          "{\"booking_date\": \"Invalid date format\"}");
    }
    for (String time :
        List.of("25:00", "14", "2 PM", "13:00 PM", "0:30 AM", "14:60", "14:00:61", "noon")) {
      assertProblem(
          agent().postJson(AGENT, agentBody(uniquePhone(), monday(2).toString(), time)),
          400,
          "validation-failed",
          "Invalid time format",
          "{\"booking_time\": \"Invalid time format\"}");
    }
  }

  @Test
  void everyDateFormatOfTheSeedIsRead() {
    LocalDate date = mondayAfterThe12th();
    String[] formats = {"yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd-MM-yyyy", "MM-dd-yyyy"};
    String[] times = {"12:00", "13:00", "14:00", "15:00", "16:00"};
    for (int i = 0; i < formats.length; i++) {
      String text = date.format(DateTimeFormatter.ofPattern(formats[i]));
      Http.Response response = agent().postJson(AGENT, agentBody(uniquePhone(), text, times[i]));
      assertStatus(response, 201);
      assertThat(response.json().path("data").path("booking").path("booking_date").asString())
          .as(text)
          .isEqualTo(date.toString());
    }
  }

  @Test
  void everyTimeFormatOfTheSeedIsRead() {
    LocalDate date = monday(4);
    Map<String, String> times =
        Map.of(
            "12:00", "12:00:00",
            "1:00 PM", "13:00:00",
            "2:00PM", "14:00:00",
            "15:00:00", "15:00:00",
            "04:00 pm", "16:00:00");
    for (var time : times.entrySet()) {
      Http.Response response =
          agent().postJson(AGENT, agentBody(uniquePhone(), date.toString(), time.getKey()));
      assertStatus(response, 201);
      assertThat(response.json().path("data").path("booking").path("booking_time").asString())
          .as(time.getKey())
          .isEqualTo(time.getValue());
    }
  }

  @Test
  void anAmbiguousDateIsReadInTheOrganisationsOrder() {
    LocalDate[] pair = ambiguousPair();
    LocalDate dayFirst = pair[0];
    String text = dayFirst.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    Http.Response dmy = agent().postJson(AGENT, agentBody(uniquePhone(), text, "12:00"));
    assertStatus(dmy, 201);
    assertThat(dmy.json().path("data").path("booking").path("booking_date").asString())
        .isEqualTo(dayFirst.toString());

    AuthStub.Org monthFirst = organisationWithSettings(1, "MDY");
    Http.Response mdy =
        http()
            .header("X-Organization", monthFirst.slug())
            .postJson(AGENT, agentBody(uniquePhone(), text, "12:00"));
    assertStatus(mdy, 201);
    assertThat(mdy.json().path("data").path("booking").path("booking_date").asString())
        .isEqualTo(pair[1].toString());
  }

  @Test
  void offDaysWorkingHoursAndThePastAreRefusedWithTheirTexts() {
    LocalDate sunday = monday(5).minusDays(1);
    assertProblem(
        agent().postJson(AGENT, agentBody(uniquePhone(), sunday.toString(), "14:00")),
        422,
        "business-rule",
        "Booking not allowed on off days",
        null);
    LocalDate date = monday(5);
    for (String time : List.of("11:00", "11:59", "16:30", "17:00", "9:00 AM", "23:30")) {
      assertProblem(
          agent().postJson(AGENT, agentBody(uniquePhone(), date.toString(), time)),
          422,
          "business-rule",
          "Booking time is outside working hours",
          null);
    }
    assertStatus(agent().postJson(AGENT, agentBody(uniquePhone(), date.toString(), "16:00")), 201);
    for (String past : List.of("2025-10-20", today().minusDays(1).toString())) {
      assertProblem(
          agent().postJson(AGENT, agentBody(uniquePhone(), past, "14:00")),
          422,
          "business-rule",
          "Booking date and time must be in the future",
          null);
    }
    assertProblem(
        // a Monday two years ahead: never an off day, whatever today is
        agent()
            .postJson(
                AGENT,
                agentBody(
                    uniquePhone(),
                    today()
                        .plusYears(2)
                        .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY))
                        .toString(),
                    "14:00")),
        422,
        "business-rule",
        "Bookings can be made at most 365 days ahead",
        null);
  }

  @Test
  void anOrganisationWithoutSettingsHasNoBookings() {
    AuthStub.Org unconfigured = AUTH.organisation("DMY");
    int provisions = AUTH.provisionCalls();
    assertProblem(
        http()
            .header("X-Organization", unconfigured.id().toString())
            .postJson(AGENT, agentBody(uniquePhone(), monday(6).toString(), "14:00")),
        422,
        "business-rule",
        "No booking settings found",
        null);
    assertProblem(
        http()
            .postJson(
                AGENT,
                """
                {"phone": "0812222222", "service_name": "X", "booking_date": "%s",
                 "booking_time": "14:00", "organization": "%s"}
                """
                    .formatted(monday(6), unconfigured.slug())),
        422,
        "business-rule",
        "No booking settings found",
        null);
    assertProblem(
        http()
            .header("X-Organization", "no-such-org")
            .postJson(AGENT, agentBody(uniquePhone(), monday(6).toString(), "14:00")),
        400,
        "validation-failed",
        "Organization not found.",
        "{\"organization\": \"Organization not found.\"}");
    assertThat(AUTH.provisionCalls()).isEqualTo(provisions);
  }

  @Test
  void theBodyAndTheHeaderMustNameTheSameOrganisationAndBlankIsAbsent() {
    AuthStub.Org other = organisationWithSettings(1, "DMY");
    String date = monday(8).toString();
    String body =
        """
        {"phone": "%s", "service_name": "Legal Consultation", "booking_date": "%s",
         "booking_time": "%s", "organization": "%s"}
        """;

    // a blank organisation in the body is no organisation: the header's counts
    Http.Response blank =
        agent().postJson(AGENT, body.formatted(uniquePhone(), date, "13:00", "   "));
    assertStatus(blank, 201);
    assertThat(bookingsIn(testOrg)).isEqualTo(1);
    // the same organisation by slug in the header and by id in the body
    assertStatus(
        agent().postJson(AGENT, body.formatted(uniquePhone(), date, "14:00", testOrg.id())), 201);
    assertThat(bookingsIn(testOrg)).isEqualTo(2);
    // two different organisations: refused, nothing booked in either
    long before = bookings();
    assertProblem(
        agent().postJson(AGENT, body.formatted(uniquePhone(), date, "15:00", other.slug())),
        400,
        "validation-failed",
        "The organization in the body and the X-Organization header name different"
            + " organizations.",
        "{\"organization\": \"The organization in the body and the X-Organization header name"
            + " different organizations.\"}");
    assertThat(bookings()).isEqualTo(before);
    assertThat(bookingsIn(other)).isZero();
  }

  private long bookingsIn(AuthStub.Org org) {
    return jdbc.sql("select count(*) from booking where org_id = :org")
        .param("org", org.id())
        .query(Long.class)
        .single();
  }

  @Test
  void badInputOnEveryOtherFieldIsA400NamingIt() {
    String date = monday(7).toString();
    assertProblem(
        agent().postJson(AGENT, agentBody("12ab", date, "14:00")),
        400,
        "validation-failed",
        "Enter a valid phone number.",
        "{\"phone\": \"Enter a valid phone number.\"}");
    String longName = "x".repeat(201);
    assertProblem(
        agent()
            .postJson(
                AGENT,
                """
                {"phone": "0813333333", "service_name": "%s", "booking_date": "%s",
                 "booking_time": "14:00"}
                """
                    .formatted(longName, date)),
        400,
        "validation-failed",
        "At most 200 characters.",
        "{\"service_name\": \"At most 200 characters.\"}");
    assertProblem(
        agent()
            .postJson(
                AGENT,
                """
                {"phone": "0813333333", "service_name": "X", "booking_date": "%s",
                 "booking_time": "14:00", "status": "completed"}
                """
                    .formatted(date)),
        400,
        "validation-failed",
        "A new booking can only be upcoming",
        "{\"status\": \"A new booking can only be upcoming\"}");
    Http.Response unknown =
        agent()
            .postJson(
                AGENT,
                """
                {"phone": "0813333333", "service_name": "X", "booking_date": "%s",
                 "booking_time": "14:00", "password": "password"}
                """
                    .formatted(date));
    assertStatus(unknown, 400);
    assertThat(unknown.json().path("message").asString()).contains("password");
    Http.Response notText =
        agent()
            .postJson(
                AGENT,
                """
                {"phone": {"a": 1}, "service_name": "X", "booking_date": "%s",
                 "booking_time": "14:00"}
                """
                    .formatted(date));
    assertStatus(notText, 400);
    assertThat(notText.body()).contains("phone");
    assertStatus(agent().postJson(AGENT, "{not json"), 400);

    // the email belongs to someone else at auth-service: its 409 is passed on
    assertStatus(
        agent()
            .postJson(
                AGENT,
                """
                {"phone": "0814444444", "email": "taken@example.com", "service_name": "X",
                 "booking_date": "%s", "booking_time": "12:00"}
                """
                    .formatted(date)),
        201);
    Http.Response taken =
        agent()
            .postJson(
                AGENT,
                """
                {"phone": "0815555555", "email": "taken@example.com", "service_name": "X",
                 "booking_date": "%s", "booking_time": "13:00"}
                """
                    .formatted(date));
    assertProblem(
        taken,
        409,
        "conflict",
        "This email is already in use.",
        "{\"email\": \"This email is already in use.\"}");
  }

  /** Issue 16: seed 001's "gender": "male", in any case; nothing else reaches auth-service. */
  @Test
  void genderIsMaleFemaleOrOtherInAnyCaseKeptLowercase() {
    String date = monday(8).toString();
    String phone = uniquePhone();
    // seed 001's "Complete Request" as written, on a phone of its own
    Http.Response complete =
        agent()
            .postJson(
                AGENT,
                """
                {"phone": "%s", "first_name": "John", "last_name": "Doe",
                 "email": "john.doe.%s@example.com", "gender": "male", "country": "USA",
                 "service_name": "Legal Consultation", "booking_date": "%s",
                 "booking_time": "14:00", "notes": "Agent created booking", "status": "upcoming"}
                """
                    .formatted(phone, phone, date));
    assertStatus(complete, 201);
    assertThat(AUTH.genderSentFor(phone)).isEqualTo("male");
    String other = uniquePhone();
    assertStatus(agent().postJson(AGENT, withGender(other, date, "\" Female \"")), 201);
    assertThat(AUTH.genderSentFor(other)).isEqualTo("female");

    int provisioned = AUTH.provisionCalls();
    for (String refused : List.of("BOGUS_VALUE", "12345", "m")) {
      assertProblem(
          agent().postJson(AGENT, withGender(uniquePhone(), date, "\"" + refused + "\"")),
          400,
          "validation-failed",
          "'gender' must be one of: male, female, other",
          "{\"gender\": \"Must be one of: male, female, other.\"}");
    }
    // a number is no string (platform web.StrictJsonTypes)
    assertProblem(
        agent().postJson(AGENT, withGender(uniquePhone(), date, "12345")),
        400,
        "type-mismatch",
        "'gender' must be a string",
        "{\"gender\": \"'gender' must be a string\"}");
    assertThat(AUTH.provisionCalls()).isEqualTo(provisioned);
  }

  /** Issue 16: a phone sent as a JSON number has lost any leading zero; refused, not guessed. */
  @Test
  void aPhoneAsANumberIsRefusedNamingIt() {
    assertProblem(
        agent()
            .postJson(
                AGENT,
                """
                {"phone": 812345678, "service_name": "X", "booking_date": "%s",
                 "booking_time": "14:00"}
                """
                    .formatted(monday(8))),
        400,
        "type-mismatch",
        "'phone' must be a string",
        "{\"phone\": \"'phone' must be a string\"}");
  }

  private static String withGender(String phone, String date, String gender) {
    return """
        {"phone": "%s", "service_name": "X", "booking_date": "%s", "booking_time": "15:00",
         "gender": %s}
        """
        .formatted(phone, date, gender);
  }

  @Test
  void thaiMessages() {
    Http.Response response =
        agent()
            .thai()
            .postJson(AGENT, agentBody(uniquePhone(), monday(7).minusDays(1).toString(), "14:00"));
    assertStatus(response, 422);
    assertThat(response.json().path("message").asString()).isEqualTo("ไม่สามารถจองในวันหยุดได้");
  }

  @Test
  void anIdempotentRetryGetsTheFirstAnswerAndCreatesNothing() throws Exception {
    String body = agentBody(uniquePhone(), monday(8).toString(), "14:00");
    Http.Response first = agent().header("Idempotency-Key", "retry-1").postJson(AGENT, body);
    assertStatus(first, 201);
    long count = bookings();
    Http.Response retry = agent().header("Idempotency-Key", "retry-1").postJson(AGENT, body);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(bookings()).isEqualTo(count);

    Http.Response other =
        agent()
            .header("Idempotency-Key", "retry-1")
            .postJson(AGENT, agentBody(uniquePhone(), monday(8).toString(), "15:00"));
    assertProblem(
        other,
        422,
        "business-rule",
        "This Idempotency-Key was already used with a different request",
        "{\"Idempotency-Key\": \"This Idempotency-Key was already used with a different request\"}");
    assertThat(bookings()).isEqualTo(count);

    assertProblem(
        agent().header("Idempotency-Key", "k".repeat(201)).postJson(AGENT, body),
        400,
        "validation-failed",
        "An Idempotency-Key has at most 200 characters",
        "{\"Idempotency-Key\": \"At most 200 characters.\"}");

    // ten at once with one new key: one booking, ten identical answers
    String concurrentBody = agentBody(uniquePhone(), monday(8).toString(), "16:00");
    List<Http.Response> answers =
        parallel(
            10, i -> agent().header("Idempotency-Key", "burst-1").postJson(AGENT, concurrentBody));
    assertThat(answers).allSatisfy(a -> assertStatus(a, 201));
    assertThat(answers.stream().map(Http.Response::body).distinct()).hasSize(1);
    assertThat(bookings()).isEqualTo(count + 1);
  }

  @Test
  void thirtyAgentsForOneSlotGetExactlyOneBooking() throws Exception {
    String date = monday(9).toString();
    List<Http.Response> answers =
        parallel(30, i -> agent().postJson(AGENT, agentBody(uniquePhone(), date, "15:00")));
    assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
    assertThat(answers.stream().filter(a -> a.status() == 422))
        .hasSize(29)
        .allSatisfy(
            a ->
                assertThat(a.json().path("message").asString())
                    .isEqualTo("This time slot is already reserved"));
  }

  @Test
  void aSlotOfCapacityTwoTakesExactlyTwo() throws Exception {
    AuthStub.Org org = organisationWithSettings(2, "DMY");
    String date = monday(9).toString();
    List<Http.Response> answers =
        parallel(
            20,
            i ->
                http()
                    .header("X-Organization", org.slug())
                    .postJson(AGENT, agentBody(uniquePhone(), date, "15:00")));
    assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(2);
    assertThat(answers.stream().filter(a -> a.status() == 422)).hasSize(18);
    assertThat(bookingsIn(org)).isEqualTo(2);
  }

  @Test
  void bookingCreatedIsPublishedWithItsEnvelopeAndUserDetails() throws Exception {
    try (KafkaProbe probe = new KafkaProbe(kafka, "bookings")) {
      Http.Response response =
          agent()
              .postJson(
                  AGENT,
                  """
                  {"phone": "0816666666", "first_name": "Somchai", "last_name": "Jaidee",
                   "email": "somchai@example.com", "service_name": "Pest control",
                   "booking_date": "%s", "booking_time": "2:00 PM", "notes": "gate code 1234"}
                  """
                      .formatted(monday(10)));
      assertStatus(response, 201);
      JsonNode answer = response.json();
      String bookingId = answer.path("booking_id").asString();
      ConsumerRecord<String, byte[]> record = probe.awaitKey(bookingId);
      JsonNode event =
          JsonMapper.builder().build().readTree(new String(record.value(), StandardCharsets.UTF_8));
      JsonNode data = event.path("data");
      assertJson(
          new FakeResponse(event.toString()),
          """
          {"id": "%s", "type": "booking.created", "version": 1, "occurred_at": "%s",
           "org_id": "%s",
           "data": {"id": %s, "service_name": "Pest control", "booking_date": "%s",
                    "booking_time": "14:00:00", "starts_at": "%s", "ends_at": "%s",
                    "status": "upcoming", "notes": "gate code 1234", "user_id": "%s",
                    "source": "agent", "created_at": "%s",
                    "user_details": {"id": "%s", "username": "0816666666",
                                     "first_name": "Somchai", "last_name": "Jaidee",
                                     "email": "somchai@example.com"}}}
          """
              .formatted(
                  event.path("id").asString(),
                  event.path("occurred_at").asString(),
                  testOrg.id(),
                  bookingId,
                  monday(10),
                  data.path("starts_at").asString(),
                  data.path("ends_at").asString(),
                  answer.path("user_id").asString(),
                  answer.path("data").path("booking").path("created_at").asString(),
                  answer.path("user_id").asString()));
      assertThat(data.path("starts_at").asString()).isEqualTo(monday(10) + "T07:00:00Z");
      assertThat(data.path("ends_at").asString()).isEqualTo(monday(10) + "T08:00:00Z");
    }
  }

  /** Adapts a JSON string to {@link #assertJson}'s strict comparison. */
  private record FakeResponse(String body) {}

  private static void assertJson(FakeResponse actual, String expected) {
    try {
      org.skyscreamer.jsonassert.JSONAssert.assertEquals(
          expected, actual.body(), org.skyscreamer.jsonassert.JSONCompareMode.STRICT);
    } catch (org.json.JSONException e) {
      throw new AssertionError(actual.body(), e);
    }
  }

  /** {@code n} requests released at the same instant. */
  static List<Http.Response> parallel(int n, Function<Integer, Http.Response> request)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
      List<Future<Http.Response>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<Http.Response> call =
            () -> {
              start.await();
              return request.apply(index);
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<Http.Response> answers = new ArrayList<>();
      for (Future<Http.Response> future : futures) {
        answers.add(future.get());
      }
      return answers;
    }
  }

  /**
   * The OpenAPI document that clients and the API fuzzer are generated from says what this service
   * checks: the seed's required members, the lengths, the date and time formats, and every value
   * set, each compared with the code that enforces it.
   */
  @Test
  void theApiDocumentSaysWhatTheServiceAccepts() {
    ApiDocument doc = ApiDocument.of(http()).assertPlatformFacts("/api/agent/booking/create");

    assertThat(doc.required("AgentBookingRequest"))
        .containsExactlyInAnyOrder("phone", "service_name", "booking_date", "booking_time");
    Map<String, Integer> lengths =
        Map.of(
            "phone", 32,
            "service_name", 200,
            "first_name", 150,
            "last_name", 150,
            "email", 254,
            "country", 100,
            "notes", 2000);
    lengths.forEach(
        (member, max) ->
            assertThat(doc.member("AgentBookingRequest", member).path("maxLength").asInt())
                .as(member)
                .isEqualTo(max));
    assertThat(doc.member("AgentBookingRequest", "email").path("format").asString())
        .isEqualTo("email");
    assertThat(doc.member("AgentBookingRequest", "booking_date").path("pattern").asString())
        .isEqualTo(BookingDates.FORMATS);
    assertThat(doc.member("AgentBookingRequest", "booking_time").path("pattern").asString())
        .isEqualTo(BookingTimes.FORMATS);
    assertThat(doc.enumOf("AgentBookingRequest", "gender")).isEqualTo(Gender.VALUES);
    assertThat(doc.enumOf("AgentBookingRequest", "status")).containsExactly("upcoming");
    assertThat(doc.content("/api/agent/booking/create", "post", "201").path("properties"))
        .isEqualTo(doc.schema("AgentBookingResponse").path("properties"));
    assertThat(doc.schema("AgentBookingResponse").path("properties").propertyNames())
        .containsExactly("success", "message", "user_created", "user_id", "booking_id", "data");

    List<String> statuses =
        Arrays.stream(BookingStatus.values()).map(BookingStatus::value).toList();
    assertThat(doc.enumOf("BookingView", "status")).isEqualTo(statuses);
    assertThat(doc.parameterEnum("/api/v1/bookings", "get", "status")).isEqualTo(statuses);
    assertThat(doc.enumOf("StatusChange", "status"))
        .isEqualTo(statuses.stream().filter(s -> !s.equals("upcoming")).toList());
    assertThat(doc.enumOf("BookingView", "source")).containsExactly("agent", "customer", "staff");

    List<String> weekdays =
        Arrays.stream(DayOfWeek.values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
    assertThat(doc.enumOf("SettingsRequest", "off_days")).isEqualTo(weekdays);
    assertThat(doc.enumOf("SettingsResponse", "off_days")).isEqualTo(weekdays);
    List<String> orders = Arrays.stream(DateOrder.values()).map(DateOrder::name).toList();
    assertThat(doc.enumOf("SettingsRequest", "date_order")).isEqualTo(orders);
    assertThat(doc.enumOf("SettingsResponse", "date_order")).isEqualTo(orders);
    assertThat(doc.member("WorkingHoursRequest", "start").path("pattern").asString())
        .isEqualTo(BookingTimes.FORMATS);
  }

  /** A future Monday whose day of month is above 12, so DD/MM and MM/DD cannot be confused. */
  private LocalDate mondayAfterThe12th() {
    LocalDate date = monday(3);
    while (date.getDayOfMonth() <= 12) {
      date = date.plusWeeks(1);
    }
    return date;
  }

  /**
   * A date written dd/MM/yyyy whose day-first and month-first readings are both future weekdays
   * other than Sunday: [day-first reading, month-first reading].
   */
  private LocalDate[] ambiguousPair() {
    LocalDate from = today().plusDays(14);
    for (LocalDate d = from; d.isBefore(from.plusDays(300)); d = d.plusDays(1)) {
      if (d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue()) {
        LocalDate swapped = LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue());
        if (swapped.isAfter(from)
            && swapped.isBefore(from.plusDays(300))
            && d.getDayOfWeek() != DayOfWeek.SUNDAY
            && swapped.getDayOfWeek() != DayOfWeek.SUNDAY
            && d.with(TemporalAdjusters.firstDayOfMonth()) != null) {
          return new LocalDate[] {d, swapped};
        }
      }
    }
    throw new IllegalStateException("no ambiguous date found");
  }
}
