package io.fieldops.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.platform.test.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Events become stored notifications and STOMP messages, for the right organisation only. */
class LiveFeedIT extends NotificationIntegrationTest {

  /** Connected and subscribed, the subscription registered by the server. */
  private Stomp stompAs(TestUser user, String destination) {
    return new Stomp(ISSUER.token(user)).subscribeAs(user, destination);
  }

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration QUIET = Duration.ofMillis(500);

  @Autowired JdbcTemplate jdbc;

  @Test
  void aBookingReachesStaffOfItsOrganisationInSeed001sShape() throws Exception {
    UUID org = UUID.randomUUID();
    Stomp agent = stompAs(TestUser.agent(org), topicOf(org));
    UUID bookingId = UUID.randomUUID();

    publish(
        "bookings",
        UUID.randomUUID(),
        "booking.created",
        org,
        Instant.now(),
        bookingData(bookingId.toString(), "Legal Consultation"));

    JsonNode message = agent.next(WAIT);
    assertThat(message).as("a STOMP message").isNotNull();
    assertThat(message.path("id").asLong()).isPositive();
    assertThat(message.path("created_at").asString()).isNotBlank();
    JSONAssert.assertEquals(
        """
        {"type": "booking_created",
         "data": {"id": "%s", "service_name": "Legal Consultation", "booking_date": "2030-10-20",
                  "booking_time": "14:00:00", "status": "upcoming", "notes": "Agent created booking",
                  "user_details": {"id": "0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21",
                                   "username": "1234567890", "first_name": "John",
                                   "last_name": "Doe", "email": "john.doe@example.com"}}}
        """
            .formatted(bookingId),
        message.toString(),
        JSONCompareMode.LENIENT);
    assertThat(message.propertyNames())
        .containsExactlyInAnyOrder("id", "type", "data", "created_at");

    JsonNode history = as(TestUser.admin(org)).get("/api/v1/notifications/").json();
    assertThat(history.path("results")).hasSize(1);
    assertThat(history.path("results").get(0).path("data")).isEqualTo(message.path("data"));
  }

  @Test
  void aDuplicateEventIsStoredAndPushedOnce() throws Exception {
    UUID org = UUID.randomUUID();
    Stomp agent = stompAs(TestUser.agent(org), topicOf(org));
    UUID eventId = UUID.randomUUID();
    String data = bookingData(UUID.randomUUID().toString(), "Termite inspection");

    publish("bookings", eventId, "booking.created", org, Instant.now(), data);
    publish("bookings", eventId, "booking.created", org, Instant.now(), data);
    publish("bookings", UUID.randomUUID(), "booking.cancelled", org, Instant.now(), data);

    assertThat(agent.next(WAIT).path("type").asString()).isEqualTo("booking_created");
    // the cancellation was published after the duplicate: once it is here, the duplicate would be
    assertThat(agent.next(WAIT).path("type").asString()).isEqualTo("booking_cancelled");
    assertThat(agent.next(QUIET)).isNull();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification where event_id = ?", Long.class, eventId))
        .isEqualTo(1);
  }

  @Test
  void anotherOrganisationHearsNothingAndMayNotSubscribeToTheTopic() throws Exception {
    UUID mine = UUID.randomUUID();
    UUID theirs = UUID.randomUUID();
    Stomp me = stompAs(TestUser.agent(mine), topicOf(mine));
    Stomp them = stompAs(TestUser.admin(theirs), topicOf(theirs));

    publish(
        "bookings",
        UUID.randomUUID(),
        "booking.created",
        mine,
        Instant.now(),
        bookingData("b-1", "Repair"));

    assertThat(me.next(WAIT)).isNotNull();
    assertThat(them.next(QUIET)).isNull();

    Stomp nosy = new Stomp(ISSUER.token(TestUser.admin(theirs))).subscribe(topicOf(mine));
    // the ERROR frame, or only the closed connection when the close overtook it (see refused)
    await().atMost(WAIT).until(() -> refused(nosy));
    publish(
        "bookings",
        UUID.randomUUID(),
        "booking.created",
        mine,
        Instant.now(),
        bookingData("b-2", "Repair"));
    assertThat(me.next(WAIT)).isNotNull();
    assertThat(nosy.messages).isEmpty();
  }

  @Test
  void customersMayNotSubscribeEvenToTheirOwnOrganisation() {
    UUID org = UUID.randomUUID();

    Stomp customer = new Stomp(ISSUER.token(TestUser.customer(org))).subscribe(topicOf(org));

    await().atMost(WAIT).until(() -> refused(customer));
  }

  @Test
  void aLevel0TechnicianSeesOnlyWhatIsAssignedSoNotTheOrganisationsFeed() {
    UUID org = UUID.randomUUID();

    Stomp technician = new Stomp(ISSUER.token(TestUser.technician(org))).subscribe(topicOf(org));

    await().atMost(WAIT).until(() -> refused(technician));
  }

  /**
   * The server refused the subscription and closed the session. Its ERROR frame ("Access denied")
   * normally arrives first; on a busy machine Spring's session decorator can still be sending the
   * CONNECTED frame when the refusal comes, and the close that follows drops the queued ERROR, so
   * the client sees only the server closing the connection. Either way nothing is delivered.
   */
  private static boolean refused(Stomp client) {
    return client.errors.stream()
        .anyMatch(e -> e.contains("Access denied") || e.startsWith("transport: "));
  }

  @Test
  void connectionsWithoutAValidTokenAreRefused() {
    TestUser agent = TestUser.agent(UUID.randomUUID());
    for (String token :
        new String[] {
          null,
          "not-a-jwt",
          ISSUER.expiredToken(agent),
          ISSUER.tokenSignedByUnknownKey(agent),
          ISSUER.tokenForAudience(agent, "billing")
        }) {
      Stomp refused = new Stomp(token);

      await().atMost(WAIT).until(() -> refused.session.isDone() || !refused.errors.isEmpty());
      assertThat(refused.session.isCompletedExceptionally() || !refused.errors.isEmpty())
          .as("token %s", token)
          .isTrue();
      assertThat(String.join(" ", refused.errors))
          .as("token %s", token)
          .contains("A valid access token is required");
    }
  }

  @Test
  void anOldEventIsStoredForTheHistoryButNotPushedAsNews() throws Exception {
    UUID org = UUID.randomUUID();
    Stomp agent = stompAs(TestUser.agent(org), topicOf(org));

    publish(
        "bookings",
        UUID.randomUUID(),
        "booking.created",
        org,
        Instant.now().minus(Duration.ofHours(1)),
        bookingData("old", "Repair"));
    publish(
        "bookings",
        UUID.randomUUID(),
        "booking.created",
        org,
        Instant.now(),
        bookingData("new", "Repair"));

    assertThat(agent.next(WAIT).path("data").path("id").asString()).isEqualTo("new");
    assertThat(agent.next(QUIET)).isNull();
    await()
        .atMost(WAIT)
        .until(
            () ->
                as(TestUser.agent(org)).get("/api/v1/notifications/").json().path("results").size()
                    == 2);
  }

  @Test
  void jobCardAndTicketEventsArriveThroughTheSamePath() throws Exception {
    UUID org = UUID.randomUUID();
    Stomp supervisor = stompAs(TestUser.supervisor(org), topicOf(org));

    publish(
        "jobcards",
        UUID.randomUUID(),
        "jobcard.created",
        org,
        Instant.now(),
        "{\"id\": \"j1\", \"code\": \"JC-0001\"}");
    publish(
        "tickets",
        UUID.randomUUID(),
        "ticket.created",
        org,
        Instant.now(),
        "{\"ticket\": {\"id\": \"t1\"}}");

    JsonNode first = supervisor.next(WAIT);
    JsonNode second = supervisor.next(WAIT);
    assertThat(java.util.List.of(first.path("type").asString(), second.path("type").asString()))
        .containsExactlyInAnyOrder("jobcard_created", "ticket_created");
  }

  @Test
  void anAssignedTechnicianIsToldOnTheirOwnTopicAndNobodyElseIs() throws Exception {
    UUID org = UUID.randomUUID();
    TestUser assigned = TestUser.technician(org);
    TestUser colleague = TestUser.technician(org);
    Stomp technician = stompAs(assigned, topicOf(org, assigned.id()));
    Stomp other = stompAs(colleague, topicOf(org, colleague.id()));
    Stomp supervisor = stompAs(TestUser.supervisor(org), topicOf(org));

    assign(org, "t1", assigned);

    JsonNode told = technician.next(WAIT);
    assertThat(told).as("the assigned technician's message").isNotNull();
    JSONAssert.assertEquals(
        "{\"type\": \"ticket_assigned\", \"data\": {\"id\": \"t1\", \"added\": [\"%s\"]}}"
            .formatted(assigned.id()),
        told.toString(),
        JSONCompareMode.LENIENT);
    // the same notification on the organisation's feed
    assertThat(supervisor.next(WAIT).path("id").asLong()).isEqualTo(told.path("id").asLong());
    assertThat(other.next(QUIET)).isNull();
  }

  @Test
  void nobodySubscribesToAnotherPersonsTopicNotEvenInTheirOwnOrganisation() {
    UUID org = UUID.randomUUID();
    TestUser technician = TestUser.technician(org);
    UUID elsewhere = UUID.randomUUID();

    Stomp colleague =
        new Stomp(ISSUER.token(TestUser.admin(org))).subscribe(topicOf(org, technician.id()));
    // the same person's token of another organisation: that organisation's topic only
    TestUser sameTechnicianElsewhere =
        new TestUser(
            technician.id(),
            elsewhere,
            technician.email(),
            technician.givenName(),
            technician.familyName(),
            technician.phoneNumber(),
            technician.roles(),
            technician.level());
    Stomp otherOrganisation =
        new Stomp(ISSUER.token(sameTechnicianElsewhere)).subscribe(topicOf(org, technician.id()));
    Stomp customer =
        new Stomp(ISSUER.token(TestUser.customer(org))).subscribe(topicOf(org, technician.id()));

    await().atMost(WAIT).until(() -> refused(colleague));
    await().atMost(WAIT).until(() -> refused(otherOrganisation));
    await().atMost(WAIT).until(() -> refused(customer));
  }

  private static String topicOf(UUID orgId, UUID userId) {
    return "/topic/orgs/" + orgId + "/users/" + userId + "/notifications";
  }
}
