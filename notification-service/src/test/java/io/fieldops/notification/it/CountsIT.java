package io.fieldops.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.platform.test.ApiDocument;
import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.TestUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard's counters: notifications since an instant by type, and the job cards active since
 * then by their latest status; tenant isolation, staff only, bad input named.
 */
class CountsIT extends NotificationIntegrationTest {

  private static final String COUNTS = "/api/v1/notifications/counts/";

  private static final String BAD_SINCE =
      "since must be an ISO-8601 date-time with an offset, such as 2030-10-20T00:00:00+07:00 or"
          + " 2030-10-19T17:00:00Z.";

  /** jobcard-service's job card view, flat, as its events carry it, plus {@code extra}. */
  static String jobCard(long id, String status, String extra) {
    return """
        {"id": %d, "code": "JC-%04d", "client": "3f0c8a52-3c1e-4c55-9c2b-2f1e0b6d8a10",
         "client_name": "Somchai Jaidee", "client_mobile": "0812345678", "client_city": "Bangkok",
         "service_type": "Termite inspection", "schedule_date": "2030-10-20",
         "technician_id": null, "technician_name": null, "price": "500",
         "payment_status": "Unpaid", "job_type": "Customer", "status": "%s", "notes": "",
         "reference": "", "created_at": "2030-10-19T08:00:00Z",
         "updated_at": "2030-10-19T08:00:00Z", "version": 0%s}
        """
        .formatted(id, id, status, extra);
  }

  private void awaitStored(UUID org, int count) {
    Http agent = as(TestUser.agent(org));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                agent.get("/api/v1/notifications/?limit=200").json().path("results").size()
                    == count);
  }

  /** The counts of {@code answer}, without {@code since}, are exactly {@code expected}. */
  private static void assertCounts(String expected, Http.Response answer) throws Exception {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    ObjectNode counts = (ObjectNode) answer.json();
    assertThat(counts.has("since")).isTrue();
    counts.remove("since");
    JSONAssert.assertEquals(expected, counts.toString(), JSONCompareMode.NON_EXTENSIBLE);
  }

  private static String since(Instant since) {
    return COUNTS + "?since=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void bookingsAndJobCardsSinceAnInstantAreCountedAndJobCardsByTheirLatestStatus()
      throws Exception {
    UUID org = UUID.randomUUID();
    Instant since = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    // before "since": job card 1 was created the day before; it is stored but not counted
    publish(
        "jobcards",
        UUID.randomUUID(),
        "jobcard.created",
        org,
        since.minus(2, ChronoUnit.HOURS),
        jobCard(1, "Enquiry", ""));
    publish(
        "bookings",
        UUID.randomUUID(),
        "booking.created",
        org,
        Instant.now(),
        bookingData("b1", "A"));
    publish(
        "bookings",
        UUID.randomUUID(),
        "booking.created",
        org,
        Instant.now(),
        bookingData("b2", "B"));
    publish(
        "jobcards",
        UUID.randomUUID(),
        "jobcard.created",
        org,
        Instant.now(),
        jobCard(2, "Enquiry", ""));
    publish(
        "jobcards",
        UUID.randomUUID(),
        "jobcard.created",
        org,
        Instant.now(),
        jobCard(3, "Enquiry", ""));
    awaitStored(org, 5);
    // today job card 1 and job card 2 are scheduled: each counts once, under its latest status
    String scheduled = ", \"from\": \"Enquiry\", \"to\": \"Scheduled\"";
    publish(
        "jobcards",
        UUID.randomUUID(),
        "jobcard.status_changed",
        org,
        Instant.now(),
        jobCard(1, "Scheduled", scheduled));
    publish(
        "jobcards",
        UUID.randomUUID(),
        "jobcard.status_changed",
        org,
        Instant.now(),
        jobCard(2, "Scheduled", scheduled));
    awaitStored(org, 7);

    Http agent = as(TestUser.agent(org));
    Http.Response counts = agent.get(since(since));
    assertCounts(
        """
        {"by_type": {"booking_created": 2, "jobcard_created": 2, "jobcard_status_changed": 2},
         "jobcards_by_status": {"Enquiry": 1, "Scheduled": 2}}
        """,
        counts);
    JsonNode body = counts.json();
    assertThat(Instant.parse(body.path("since").asString())).isEqualTo(since);

    // the same instant written with an offset
    String bangkok = since.atOffset(ZoneOffset.ofHours(7)).toString();
    assertThat(
            agent
                .get(COUNTS + "?since=" + URLEncoder.encode(bangkok, StandardCharsets.UTF_8))
                .json())
        .isEqualTo(body);

    // job card 2 moves on: it leaves Scheduled for In Progress
    publish(
        "jobcards",
        UUID.randomUUID(),
        "jobcard.status_changed",
        org,
        Instant.now(),
        jobCard(2, "In Progress", ", \"from\": \"Scheduled\", \"to\": \"In Progress\""));
    awaitStored(org, 8);
    assertCounts(
        """
        {"by_type": {"booking_created": 2, "jobcard_created": 2, "jobcard_status_changed": 3},
         "jobcards_by_status": {"Enquiry": 1, "Scheduled": 1, "In Progress": 1}}
        """,
        agent.get(since(since)));

    // a later "since" counts less; another organisation sees nothing of it
    String nothing = "{\"by_type\": {}, \"jobcards_by_status\": {}}";
    assertCounts(nothing, agent.get(since(Instant.now().plus(1, ChronoUnit.MINUTES))));
    assertCounts(nothing, as(TestUser.admin(UUID.randomUUID())).get(since(since)));
  }

  @Test
  void newTicketsAreCountedByTypeAndNotAmongTheJobCards() throws Exception {
    UUID org = UUID.randomUUID();
    Instant since = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    // ticket-service's events, flat; a ticket's status is an object, not a job card status
    String ticket =
        """
        {"id": "%s", "details": "Printer jammed",
         "status_id": "3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f",
         "status": {"id": "3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f", "code": "new",
                    "name_th": "ใหม่", "name_en": "New", "category": "new", "sort_order": 1,
                    "is_active": true},
         "site": null, "appointment": null, "employees": []%s}
        """;
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    publish(
        "tickets",
        UUID.randomUUID(),
        "ticket.created",
        org,
        Instant.now(),
        ticket.formatted(first, ", \"created_by\": \"%s\"".formatted(UUID.randomUUID())));
    publish(
        "tickets",
        UUID.randomUUID(),
        "ticket.created",
        org,
        Instant.now(),
        ticket.formatted(second, ""));
    publish(
        "tickets",
        UUID.randomUUID(),
        "ticket.updated",
        org,
        Instant.now(),
        ticket.formatted(first, ", \"changed\": [\"ticket.details\"]"));
    publish(
        "tickets",
        UUID.randomUUID(),
        "ticket.deleted",
        org,
        Instant.now(),
        "{\"id\": \"%s\", \"deleted_by\": \"%s\"}".formatted(second, UUID.randomUUID()));
    awaitStored(org, 4);

    assertCounts(
        """
        {"by_type": {"ticket_created": 2, "ticket_deleted": 1, "ticket_updated": 1},
         "jobcards_by_status": {}}
        """,
        as(TestUser.agent(org)).get(since(since)));
  }

  @Test
  void withoutSinceItCountsFromTheStartOfTheUtcDay() {
    Http.Response counts = as(TestUser.supervisor(UUID.randomUUID())).get(COUNTS);

    assertThat(counts.status()).as(counts.body()).isEqualTo(200);
    Instant since = Instant.parse(counts.json().path("since").asString());
    assertThat(since).isEqualTo(since.truncatedTo(ChronoUnit.DAYS));
    assertThat(counts.json().path("by_type").isEmpty()).isTrue();
  }

  @Test
  void customersTechniciansAndAnonymousCallersAreRefused() {
    UUID org = UUID.randomUUID();
    assertThat(as(TestUser.customer(org)).get(COUNTS).status()).isEqualTo(403);
    assertThat(as(TestUser.technician(org)).get(COUNTS).status()).isEqualTo(403);
    assertThat(http().get(COUNTS).status()).isEqualTo(401);
  }

  @Test
  void aBadSinceIsNamedInEnglishAndThai() {
    Http agent = as(TestUser.agent(UUID.randomUUID()));

    for (String bad : new String[] {"yesterday", "2030-10-20", "2030-10-20T00:00:00"}) {
      Http.Response answer = agent.get(COUNTS + "?since=" + bad);
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.json().path("details").path("since").asString())
          .as(bad)
          .isEqualTo(BAD_SINCE);
    }
    assertThat(
            agent.thai().get(COUNTS + "?since=x").json().path("details").path("since").asString())
        .startsWith("since ต้องเป็นวันเวลาแบบ ISO-8601");
  }

  /**
   * The document clients and the API fuzzer are generated from: the platform's facts, and {@code
   * since} as the date-time it is read as.
   */
  @Test
  void theApiDocumentSaysWhatSinceIs() {
    ApiDocument doc = ApiDocument.of(http()).assertPlatformFacts();

    assertThat(
            doc.parameter("/api/v1/notifications/counts", "get", "since").path("format").asString())
        .isEqualTo("date-time");
    assertThat(doc.member("NotificationResponse", "data").has("properties")).isFalse();
  }
}
