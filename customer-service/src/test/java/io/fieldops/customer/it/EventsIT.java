package io.fieldops.customer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.JsonAssertions;
import io.fieldops.platform.test.KafkaProbe;
import io.fieldops.platform.test.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumers, fed through the real broker the way auth-service, booking-service and
 * jobcard-service publish: users events create customer records (seed 004), completions advance the
 * service history; redeliveries change nothing. And what customer-service publishes itself, read
 * back from the real broker: {@code customer.updated} on topic {@code customers}.
 */
class EventsIT extends CustomerIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  private KafkaProducer<String, byte[]> producer;

  @BeforeEach
  void producer() {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }

  @AfterEach
  void close() {
    producer.close();
  }

  private void send(String topic, String key, String json) {
    try {
      producer.send(new ProducerRecord<>(topic, key, json.getBytes())).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** A new event on {@code bookings}, keyed by the customer so that it keeps its order. */
  private void booking(String customerId, String type, UUID org, String data) {
    send("bookings", customerId, envelope(UUID.randomUUID(), type, org, data));
  }

  private static String envelope(UUID id, String type, UUID org, String data) {
    return """
        {"id": "%s", "type": "%s", "version": 1, "occurred_at": "2026-11-20T09:30:00Z",
         "org_id": "%s", "data": %s}
        """
        .formatted(id, type, org, data);
  }

  /** auth-service's user.registered payload, as UserEvents.UserRegistered writes it. */
  private static String registered(TestUser user) {
    return """
        {"user_id": "%s", "username": "%s", "email": "%s", "first_name": "%s", "last_name": "%s",
         "phone_number": "%s", "organization_id": "%s", "roles": ["CUSTOMER"], "level": 0,
         "kind": "CUSTOMER"}
        """
        .formatted(
            user.id(),
            user.email(),
            user.email(),
            user.givenName(),
            user.familyName(),
            user.phoneNumber(),
            user.orgId());
  }

  private JsonNode awaitCustomerOf(Http staff, TestUser user) {
    String path = CUSTOMERS + "by_user_id/?user_id=" + user.id();
    await().atMost(WAIT).until(() -> staff.get(path).status() == 200);
    return staff.get(path).json();
  }

  @Test
  void userRegisteredCreatesTheCustomerRecordOnceHoweverOftenItArrives() {
    UUID org = newOrg();
    Http admin = as(TestUser.admin(org));
    TestUser user = AUTH.register(TestUser.customer(org));
    UUID eventId = UUID.randomUUID();
    String event = envelope(eventId, "user.registered", org, registered(user));

    send("users", user.id().toString(), event);
    send("users", user.id().toString(), event); // redelivery
    send(
        "users",
        user.id().toString(),
        envelope(
            UUID.randomUUID(),
            "membership.changed",
            org,
            """
            {"membership_id": "%s", "user_id": "%s", "organization_id": "%s",
             "roles": ["CUSTOMER", "AGENT"], "level": 1, "kind": "STAFF"}
            """
                .formatted(UUID.randomUUID(), user.id(), org)));

    JsonNode customer = awaitCustomerOf(admin, user);
    assertThat(customer.path("user_id").asString()).isEqualTo(user.id().toString());
    assertThat(customer.path("first_name").asString()).isEqualTo(user.givenName());
    // the marker: an event after the duplicates on the same partition, for a second user
    TestUser marker = AUTH.register(TestUser.customer(org));
    send(
        "users",
        user.id().toString(),
        envelope(UUID.randomUUID(), "user.registered", org, registered(marker)));
    awaitCustomerOf(admin, marker);
    assertThat(admin.get(CUSTOMERS).json().path("count").asInt()).isEqualTo(2);
    // and the user's own profile create finds the record the event made
    // seed 002's register-then-create: the address lands on the record the event made
    Http.Response own =
        as(user).postJson(CUSTOMERS + "profile/create/", "{\"street_address\": \"123 Test St\"}");
    assertStatus(own, 200);
    assertThat(own.json().path("id").asString()).isEqualTo(customer.path("id").asString());
    assertThat(own.json().path("street_address").asString()).isEqualTo("123 Test St");
  }

  @Test
  void aRecordThatIsNotAnEnvelopeGoesToTheDeadLetterTopic() {
    String key = UUID.randomUUID().toString();
    try (KafkaProbe dlt = new KafkaProbe(kafka, "users.DLT")) {
      send("users", key, "this is not json");
      send(
          "users",
          key,
          envelope(UUID.randomUUID(), "user.registered", newOrg(), "{\"user_id\": 42}"));

      assertThat(new String(dlt.awaitKey(key).value())).isEqualTo("this is not json");
      // a valid envelope whose handler fails (user_id is no UUID): retried, then dead-lettered
      dlt.awaitRecord(
          WAIT, r -> key.equals(r.key()) && new String(r.value()).contains("\"user_id\": 42"));
    }
  }

  @Test
  void membershipChangedInAnotherOrganisationCreatesTheCustomerThere() {
    UUID home = newOrg();
    UUID other = newOrg();
    TestUser user = TestUser.customer(home);
    TestUser asMember =
        AUTH.register(
            new TestUser(
                user.id(),
                other,
                user.email(),
                user.givenName(),
                user.familyName(),
                user.phoneNumber(),
                user.roles(),
                1));

    send(
        "users",
        user.id().toString(),
        envelope(
            UUID.randomUUID(),
            "membership.changed",
            other,
            """
            {"membership_id": "%s", "user_id": "%s", "organization_id": "%s",
             "roles": ["CUSTOMER"], "level": 1, "kind": "CUSTOMER"}
            """
                .formatted(UUID.randomUUID(), user.id(), other)));

    awaitCustomerOf(as(TestUser.agent(other)), asMember);
    assertStatus(as(TestUser.agent(home)).get(CUSTOMERS + "by_user_id/?user_id=" + user.id()), 404);
  }

  @Test
  void completedBookingsAndJobCardsAdvanceTheServiceHistoryOnce() {
    UUID org = newOrg();
    Http agent = as(TestUser.agent(org));
    String id =
        agent.postJson(CUSTOMERS, "{\"full_name\": \"Served\"}").json().path("id").asString();
    UUID bookingEvent = UUID.randomUUID();
    String completed =
        envelope(
            bookingEvent,
            "booking.completed",
            org,
            "{\"booking_id\": \"%s\", \"customer_id\": \"%s\", \"completed_on\": \"2026-11-18\"}"
                .formatted(UUID.randomUUID(), id));

    send("bookings", id, completed);
    send("bookings", id, completed); // redelivery
    booking(id, "booking.created", org, "{\"customer_id\": \"%s\"}".formatted(id));
    booking(
        id,
        "booking.completed",
        org,
        "{\"customer_id\": \"%s\", \"completed_on\": \"2026-11-02\"}".formatted(id));

    await()
        .atMost(WAIT)
        .until(() -> agent.get(CUSTOMERS + id).json().path("total_services").asInt() == 2);
    JsonNode customer = agent.get(CUSTOMERS + id).json();
    // an older completion does not move the last service date backwards
    assertThat(customer.path("last_service_date").asString()).isEqualTo("2026-11-18");
  }

  @Test
  void aCompletedJobCardOfAUserWithoutARecordCreatesIt() {
    UUID org = newOrg();
    Http agent = as(TestUser.agent(org));
    TestUser user = AUTH.register(TestUser.customer(org));

    send(
        "jobcards",
        UUID.randomUUID().toString(),
        envelope(
            UUID.randomUUID(),
            "jobcard.completed",
            org,
            "{\"jobcard_id\": \"%s\", \"user_id\": \"%s\", \"completed_at\": \"2026-11-19T23:30:00Z\"}"
                .formatted(UUID.randomUUID(), user.id())));

    JsonNode customer = awaitCustomerOf(agent, user);
    assertThat(customer.path("total_services").asInt()).isEqualTo(1);
    assertThat(customer.path("last_service_date").asString()).isEqualTo("2026-11-19");
  }

  @Test
  void aCompletionNamingAnotherOrganisationsCustomerChangesNothing() {
    UUID org = newOrg();
    Http agent = as(TestUser.agent(org));
    String id = agent.postJson(CUSTOMERS, "{\"full_name\": \"Mine\"}").json().path("id").asString();
    UUID elsewhere = newOrg();

    booking(id, "booking.completed", elsewhere, "{\"customer_id\": \"%s\"}".formatted(id));
    booking(id, "booking.completed", org, "{\"customer_id\": \"%s\"}".formatted(id));

    await()
        .atMost(WAIT)
        .until(() -> agent.get(CUSTOMERS + id).json().path("total_services").asInt() == 1);
    assertThat(agent.get(CUSTOMERS + id).json().path("last_service_date").asString())
        .isEqualTo("2026-11-20");
  }

  // ---- published: customer.updated on topic customers ----

  private KafkaProbe customersTopic() {
    return new KafkaProbe(kafka, "customers");
  }

  /** The records of {@code key} seen so far, oldest first. */
  private static List<JsonNode> eventsOf(KafkaProbe probe, String key) {
    return probe.seen().stream()
        .filter(r -> key.equals(r.key()))
        .map(r -> JSON.readTree(r.value()))
        .toList();
  }

  /**
   * Waits for the {@code customer.updated} of {@code id} whose {@code changed} is {@code changed}.
   */
  private static JsonNode awaitUpdated(KafkaProbe probe, String id, String changed) {
    ConsumerRecord<String, byte[]> record =
        probe.awaitRecord(
            WAIT,
            r ->
                id.equals(r.key())
                    && JSON.readTree(r.value())
                        .path("data")
                        .path("changed")
                        .toString()
                        .equals(changed));
    return JSON.readTree(record.value());
  }

  @Test
  void aClientsNewNameMobileOrCityIsPublishedOnCustomersKeyedByItsId() {
    UUID org = newOrg();
    Http agent = as(TestUser.agent(org));
    String id =
        agent
            .postJson(
                CUSTOMERS + "clients/",
                "{\"full_name\": \"John Doe\", \"mobile\": \"081-234-5678\", \"city\": \"Bangkok\"}")
            .json()
            .path("client")
            .path("id")
            .asString();

    try (KafkaProbe probe = customersTopic()) {
      assertStatus(
          agent
              .header("If-Match", "\"0\"")
              .patchJson(
                  CUSTOMERS + id + "/",
                  "{\"full_name\": \"John Smith\", \"city\": \"Chiang Mai\", \"notes\": \"x\"}"),
          200);
      JsonNode event = awaitUpdated(probe, id, "[\"full_name\",\"city\"]");
      assertThat(event.path("type").asString()).isEqualTo("customer.updated");
      assertThat(event.path("version").asInt()).isEqualTo(1);
      assertThat(event.path("org_id").asString()).isEqualTo(org.toString());
      assertThat(UUID.fromString(event.path("id").asString())).isNotNull();
      JsonAssertions.assertJson(
          event.path("data").toString(),
          """
          {"id": "%s", "full_name": "John Smith", "mobile": "0812345678", "city": "Chiang Mai",
           "user_id": null, "changed": ["full_name", "city"]}
          """
              .formatted(id));

      // a new mobile, written another way than the stored one: the cleaned form is announced
      assertStatus(agent.patchJson(CUSTOMERS + id, "{\"mobile\": \"089 111 2222\"}"), 200);
      JsonNode mobile = awaitUpdated(probe, id, "[\"mobile\"]");
      assertThat(mobile.path("data").path("mobile").asString()).isEqualTo("0891112222");
      assertThat(mobile.path("data").path("full_name").asString()).isEqualTo("John Smith");
      // cleared: null on the wire
      assertStatus(agent.patchJson(CUSTOMERS + id, "{\"city\": \"\"}"), 200);
      assertThat(awaitUpdated(probe, id, "[\"city\"]").path("data").path("city").isNull()).isTrue();
      assertThat(eventsOf(probe, id)).hasSize(3);
    }
  }

  @Test
  void nothingIsPublishedWhenNeitherNameNorMobileNorCityChanged() {
    UUID org = newOrg();
    Http agent = as(TestUser.agent(org));
    String id =
        agent
            .postJson(
                CUSTOMERS,
                "{\"full_name\": \"Kanya\", \"mobile\": \"0812345670\", \"email\": \"k@example.com\"}")
            .json()
            .path("id")
            .asString();
    TestUser member = AUTH.register(TestUser.customer(org));
    String linked =
        as(member).postJson(CUSTOMERS + "profile/create/", "{}").json().path("id").asString();

    try (KafkaProbe probe = customersTopic()) {
      // other members, the same values again (the mobile written another way), a linked customer
      assertStatus(
          agent.patchJson(
              CUSTOMERS + id,
              "{\"email\": \"kanya@example.com\", \"notes\": \"VIP\", \"street_address\": \"1 Soi\","
                  + " \"tax_id\": \"0105555\"}"),
          200);
      assertStatus(
          agent.patchJson(
              CUSTOMERS + id, "{\"full_name\": \" Kanya \", \"mobile\": \"081-234-5670\"}"),
          200);
      assertStatus(agent.patchJson(CUSTOMERS + linked, "{\"city\": \"Nan\"}"), 200);
      assertStatus(
          as(member).patchJson(CUSTOMERS + "profile/update/", "{\"city\": \"Phrae\"}"), 200);
      assertStatus(agent.postJson(CUSTOMERS + id + "/verify/", ""), 200);
      assertStatus(agent.postJson(CUSTOMERS + id + "/increment_service/", ""), 200);

      // the marker: a change committed after all of the above, published after them
      assertStatus(agent.patchJson(CUSTOMERS + id, "{\"city\": \"Lampang\"}"), 200);
      awaitUpdated(probe, id, "[\"city\"]");
      assertThat(eventsOf(probe, id)).hasSize(1);
      assertThat(eventsOf(probe, linked)).isEmpty();
    }
  }

  @Test
  void anotherOrganisationsPatchIsNotFoundAndPublishesNothing() {
    UUID org = newOrg();
    Http agent = as(TestUser.agent(org));
    Http stranger = as(TestUser.admin(newOrg()));
    String id =
        agent
            .postJson(CUSTOMERS, "{\"full_name\": \"Mine\", \"mobile\": \"0812345678\"}")
            .json()
            .path("id")
            .asString();

    try (KafkaProbe probe = customersTopic()) {
      assertStatus(
          stranger.patchJson(
              CUSTOMERS + id + "/",
              "{\"full_name\": \"Taken Over\", \"mobile\": \"0899999999\", \"city\": \"X\"}"),
          404);

      assertStatus(agent.patchJson(CUSTOMERS + id, "{\"city\": \"Krabi\"}"), 200);
      JsonNode marker = awaitUpdated(probe, id, "[\"city\"]");
      assertThat(eventsOf(probe, id)).hasSize(1);
      assertThat(marker.path("org_id").asString()).isEqualTo(org.toString());
      assertThat(marker.path("data").path("full_name").asString()).isEqualTo("Mine");
      assertThat(marker.path("data").path("mobile").asString()).isEqualTo("0812345678");
    }
  }
}
