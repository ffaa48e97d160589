package io.fieldops.jobcard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.platform.test.Http;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The job cards' snapshot of their client follows customer-service's {@code customer.updated} on
 * topic {@code customers}, published here to the real broker exactly as customer-service's outbox
 * writes it (its README, "Events published"): applied once however often it arrives, and only to
 * the job cards of the envelope's organisation.
 */
class ClientSnapshotIT extends JobCardIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

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

  /**
   * customer-service's envelope for a client as it is now, on topic {@code customers}; {@code key}
   * picks the partition (customer-service keys by the customer id), so events sent with one key are
   * consumed in the order sent.
   */
  private void customerUpdated(
      String key,
      UUID eventId,
      UUID orgId,
      UUID clientId,
      String name,
      String mobile,
      String city) {
    String envelope =
        """
        {"id": "%s", "type": "customer.updated", "version": 1,
         "occurred_at": "2026-11-23T12:30:01.512Z", "org_id": "%s",
         "data": {"id": "%s", "full_name": "%s", "mobile": %s, "city": %s, "user_id": null,
                  "changed": ["full_name", "mobile", "city"]}}
        """
            .formatted(eventId, orgId, clientId, name, quoted(mobile), quoted(city));
    try {
      producer
          .send(new ProducerRecord<>("customers", key, envelope.getBytes(StandardCharsets.UTF_8)))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }

  /** A job card of this test's organisation for an existing client (seed 000's first mode). */
  private long jobCardFor(CustomerStub.Client client) {
    Http.Response created = as(agent).postJson(JOBCARDS, seedModeOne("\"" + client.id() + "\""));
    assertStatus(created, 201);
    return created.json().path("id").asLong();
  }

  private JsonNode card(long id) {
    Http.Response card = as(agent).get(JOBCARDS + id + "/");
    assertStatus(card, 200);
    return card.json();
  }

  private String clientName(long id) {
    return card(id).path("client_name").asString();
  }

  @Test
  void aClientsChangeReachesEveryJobCardOfTheirs() {
    CustomerStub.Client jane = CUSTOMERS.existing(org, "Jane Smith", "0812345678", "Pune");
    CustomerStub.Client ravi = CUSTOMERS.existing(org, "Ravi Kumar", "0823456789", "Delhi");
    long first = jobCardFor(jane);
    long second = jobCardFor(jane);
    long others = jobCardFor(ravi);

    customerUpdated(
        jane.id().toString(),
        UUID.randomUUID(),
        org,
        jane.id(),
        "Jane Doe",
        "0899999999",
        "Mumbai");

    await().atMost(WAIT).until(() -> clientName(first).equals("Jane Doe"));
    for (long id : new long[] {first, second}) {
      JsonNode card = card(id);
      assertThat(card.path("client").asString()).isEqualTo(jane.id().toString());
      assertThat(card.path("client_name").asString()).isEqualTo("Jane Doe");
      assertThat(card.path("client_mobile").asString()).isEqualTo("0899999999");
      assertThat(card.path("client_city").asString()).isEqualTo("Mumbai");
      // the job card itself was not edited: its version (ETag) stays
      assertThat(card.path("version").asLong()).isZero();
    }
    // the list shows the snapshot too, and finds the client by the new mobile
    JsonNode page = as(agent).get(JOBCARDS + "?search=0899999999").json();
    assertThat(page.path("count").asLong()).isEqualTo(2);
    assertThat(page.path("results").path(0).path("client_name").asString()).isEqualTo("Jane Doe");
    JsonNode untouched = card(others);
    assertThat(untouched.path("client_name").asString()).isEqualTo("Ravi Kumar");
    assertThat(untouched.path("client_mobile").asString()).isEqualTo("0823456789");
    assertThat(untouched.path("client_city").asString()).isEqualTo("Delhi");

    // a cleared mobile and city are cleared on the job cards too
    customerUpdated(
        jane.id().toString(), UUID.randomUUID(), org, jane.id(), "Jane Doe", null, null);
    await().atMost(WAIT).until(() -> card(second).path("client_city").isNull());
    assertThat(card(second).path("client_mobile").isNull()).isTrue();
  }

  @Test
  void theSameEventTwiceIsAppliedOnce() {
    CustomerStub.Client jane = CUSTOMERS.existing(org, "Jane Smith", "0812345678", "Pune");
    CustomerStub.Client ravi = CUSTOMERS.existing(org, "Ravi Kumar", "0823456789", "Delhi");
    long janes = jobCardFor(jane);
    long ravis = jobCardFor(ravi);
    String key = jane.id().toString();
    UUID first = UUID.randomUUID();

    customerUpdated(key, first, org, jane.id(), "Jane A", "0811111111", "Agra");
    customerUpdated(key, UUID.randomUUID(), org, jane.id(), "Jane B", "0822222222", "Bhopal");
    customerUpdated(key, first, org, jane.id(), "Jane A", "0811111111", "Agra"); // redelivery
    // the marker, after the redelivery on the same partition: once it is applied, so is (or is
    // not) the redelivery
    customerUpdated(key, UUID.randomUUID(), org, ravi.id(), "Ravi K", "0823456789", "Delhi");

    await().atMost(WAIT).until(() -> clientName(ravis).equals("Ravi K"));
    JsonNode card = card(janes);
    assertThat(card.path("client_name").asString()).isEqualTo("Jane B");
    assertThat(card.path("client_mobile").asString()).isEqualTo("0822222222");
    assertThat(card.path("client_city").asString()).isEqualTo("Bhopal");
    assertThat(
            jdbc.sql(
                    "select count(*) from processed_event where consumer = :consumer"
                        + " and event_id = :id")
                .param("consumer", "jobcard-service.client-snapshots")
                .param("id", first)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anotherOrganisationsEventNeverTouchesThisOrganisationsJobCards() {
    CustomerStub.Client jane = CUSTOMERS.existing(org, "Jane Smith", "0812345678", "Pune");
    CustomerStub.Client ravi = CUSTOMERS.existing(org, "Ravi Kumar", "0823456789", "Delhi");
    long janes = jobCardFor(jane);
    long ravis = jobCardFor(ravi);
    String key = jane.id().toString();

    // another organisation's event naming this organisation's client
    customerUpdated(
        key, UUID.randomUUID(), UUID.randomUUID(), jane.id(), "Taken Over", "0800000000", "X");
    // the marker, on the same partition after it, in this organisation
    customerUpdated(key, UUID.randomUUID(), org, ravi.id(), "Ravi K", "0823456789", "Delhi");

    await().atMost(WAIT).until(() -> clientName(ravis).equals("Ravi K"));
    JsonNode card = card(janes);
    assertThat(card.path("client_name").asString()).isEqualTo("Jane Smith");
    assertThat(card.path("client_mobile").asString()).isEqualTo("0812345678");
    assertThat(card.path("client_city").asString()).isEqualTo("Pune");
  }
}
