package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 000's job cards through the gateway against the real jobcard-service and customer-service:
 * the seed's examples and error texts as written, the client race, customer-service stopped, a
 * retried create, another organisation, and the live message on the dashboard.
 */
class JobCardFlowIT extends SystemTest {

  private static final String JOBCARDS = "/api/v1/jobcards/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Seed 000's "Mode 2" request, word for word. */
  static final String SEED_MODE_2 =
      """
      {
          "client_data": {
              "full_name": "John Doe",
              "mobile": "9876543210",
              "email": "john@example.com",
              "city": "Mumbai",
              "address": "123 Main Street",
              "notes": "New customer"
          },
          "service_type": "Pest Control Service",
          "schedule_date": "2024-01-15",
          "technician_name": "Jane Smith",
          "price": "500",
          "job_type": "Customer",
          "reference": "Google"
      }
      """;

  /** Seed 000's "Mode 1" request, word for word (its client id is a number, ours are UUIDs). */
  static final String SEED_MODE_1 =
      """
      {
          "client": 123,
          "service_type": "Pest Control Service",
          "schedule_date": "2024-01-15",
          "technician_name": "John Doe",
          "price": "500",
          "job_type": "Customer",
          "notes": "Regular pest control service"
      }
      """;

  /** Registers an organisation of its own (its founder is ADMIN) and answers the access token. */
  private String newOrganisation(String name) {
    return foundOrganisation(name).adminToken();
  }

  private GatewayResponse post(String token, String path, String body, String... headers) {
    List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + token));
    all.addAll(List.of(headers));
    return gateway().post(path, body, all.toArray(String[]::new));
  }

  private GatewayResponse get(String token, String path) {
    return gateway().get(path, "Authorization", "Bearer " + token);
  }

  @Test
  void seed000sExamplesWorkAsWritten() {
    String admin = newOrganisation("Mumbai Pest " + UUID.randomUUID().toString().substring(0, 6));

    GatewayResponse created = post(admin, JOBCARDS, SEED_MODE_2);
    JsonNode card = created.json();
    SeedExamplesIT.assertExactly(
        created,
        201,
        """
        {"id": %d, "code": "JC-0001", "client": "%s", "client_name": "John Doe",
         "client_mobile": "9876543210", "client_city": "Mumbai",
         "service_type": "Pest Control Service", "schedule_date": "2024-01-15",
         "technician_name": "Jane Smith", "price": "500", "payment_status": "Unpaid",
         "job_type": "Customer", "status": "Enquiry", "client_created": true,
         "message": "Job card created successfully with client data",
         "created_at": "%s", "updated_at": "%s",
         "notes": null, "reference": "Google", "technician_id": null, "version": 0}
        """
            .formatted(
                card.path("id").asLong(),
                card.path("client").asString(),
                card.path("created_at").asString(),
                card.path("updated_at").asString()));
    String client = card.path("client").asString();

    // "Existing Client Found": the same request again links the same client
    JsonNode again = post(admin, JOBCARDS, SEED_MODE_2).json();
    assertThat(again.path("client").asString()).isEqualTo(client);
    assertThat(again.path("client_created").asBoolean()).isFalse();
    assertThat(again.path("code").asString()).isEqualTo("JC-0002");

    // Mode 1 as written names client 123, which does not exist: the seed's "Client Not Found"
    GatewayResponse notFound = post(admin, JOBCARDS, SEED_MODE_1);
    assertThat(notFound.status()).as(notFound.toString()).isEqualTo(400);
    assertThat(notFound.json().path("error").asString()).isEqualTo("Validation failed");
    assertThat(notFound.json().path("details"))
        .isEqualTo(JSON.readTree("{\"error\": \"Client with ID 123 does not exist.\"}"));
    // ... and with the client's real id it links it
    GatewayResponse existing =
        post(admin, JOBCARDS, SEED_MODE_1.replace("123", "\"" + client + "\""));
    assertThat(existing.status()).as(existing.toString()).isEqualTo(201);
    assertThat(existing.json().path("client_created").asBoolean()).isFalse();
    assertThat(existing.json().path("message").asString())
        .isEqualTo("Job card created successfully with existing client");
    assertThat(existing.json().path("client_name").asString()).isEqualTo("John Doe");

    GatewayResponse neither = post(admin, JOBCARDS, "{\"service_type\": \"Pest Control Service\"}");
    assertThat(neither.status()).isEqualTo(400);
    assertThat(neither.json().path("error").asString())
        .isEqualTo("Either client ID or client_data must be provided");

    GatewayResponse badMobile = post(admin, JOBCARDS, SEED_MODE_2.replace("9876543210", "12345"));
    assertThat(badMobile.status()).as(badMobile.toString()).isEqualTo(400);
    assertThat(badMobile.json().path("error").asString()).isEqualTo("Validation failed");
    assertThat(badMobile.json().path("details"))
        .isEqualTo(
            JSON.readTree(
                "{\"client_data\": {\"mobile\": \"Mobile number must be exactly 10 digits.\"}}"));

    JsonNode found = get(admin, JOBCARDS + "check-client/?mobile=9876543210").json();
    assertThat(found.path("exists").asBoolean()).isTrue();
    assertThat(found.path("client").path("id").asString()).isEqualTo(client);
    assertThat(found.path("client").path("address").asString()).isEqualTo("123 Main Street");
    assertThat(found.path("message").asString())
        .isEqualTo("Client found with mobile number 9876543210");
    SeedExamplesIT.assertExactly(
        get(admin, JOBCARDS + "check-client/?mobile=9876543211"),
        200,
        """
        {"exists": false, "client": null,
         "message": "No client found with mobile number 9876543211"}
        """);

    JsonNode list = get(admin, JOBCARDS).json();
    assertThat(list.path("count").asLong()).isEqualTo(3);
    assertThat(list.path("results").get(0).path("code").asString()).isEqualTo("JC-0003");
  }

  @Test
  void fiftyParallelCreatesWithOneNewMobileMakeOneClient() throws Exception {
    String admin = newOrganisation("Race Pest " + UUID.randomUUID().toString().substring(0, 6));
    int parallel = 50;
    List<Callable<GatewayResponse>> creates = new ArrayList<>();
    for (int i = 0; i < parallel; i++) {
      creates.add(() -> post(admin, JOBCARDS, SEED_MODE_2.replace("9876543210", "087-000-0050")));
    }
    List<JsonNode> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
      for (Future<GatewayResponse> answer : pool.invokeAll(creates)) {
        GatewayResponse response = answer.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        answers.add(response.json());
      }
    }

    assertThat(answers.stream().map(a -> a.path("client").asString()).distinct()).hasSize(1);
    assertThat(answers.stream().filter(a -> a.path("client_created").asBoolean())).hasSize(1);
    assertThat(answers.stream().map(a -> a.path("code").asString()).distinct()).hasSize(parallel);
    assertThat(get(admin, JOBCARDS + "?size=1").json().path("count").asLong()).isEqualTo(parallel);
  }

  @Test
  void aRetriedCreateWithItsIdempotencyKeyMakesOneJobCard() {
    String admin = newOrganisation("Retry Pest " + UUID.randomUUID().toString().substring(0, 6));
    String key = "retry-" + UUID.randomUUID();

    GatewayResponse first = post(admin, JOBCARDS, SEED_MODE_2, "Idempotency-Key", key);
    GatewayResponse again = post(admin, JOBCARDS, SEED_MODE_2, "Idempotency-Key", key);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(get(admin, JOBCARDS).json().path("count").asLong()).isEqualTo(1);
    GatewayResponse otherBody =
        post(admin, JOBCARDS, SEED_MODE_2.replace("\"500\"", "\"650\""), "Idempotency-Key", key);
    assertThat(otherBody.status()).as(otherBody.toString()).isEqualTo(422);
  }

  @Test
  void anotherOrganisationSeesNeitherTheJobCardNorTheClient() {
    String owner = newOrganisation("Owner Pest " + UUID.randomUUID().toString().substring(0, 6));
    String stranger = newOrganisation("Nosy Pest " + UUID.randomUUID().toString().substring(0, 6));
    JsonNode card = post(owner, JOBCARDS, SEED_MODE_2.replace("9876543210", "0870000077")).json();
    String client = card.path("client").asString();

    GatewayResponse read = get(stranger, JOBCARDS + card.path("id").asLong() + "/");
    assertThat(read.status()).as(read.toString()).isEqualTo(404);
    assertThat(read.json().path("message").asString()).isEqualTo("Job card not found");
    assertThat(get(stranger, JOBCARDS).json().path("count").asLong()).isZero();
    GatewayResponse borrowed =
        post(stranger, JOBCARDS, SEED_MODE_1.replace("123", "\"" + client + "\""));
    assertThat(borrowed.status()).as(borrowed.toString()).isEqualTo(400);
    assertThat(borrowed.json().path("details").path("error").asString())
        .isEqualTo("Client with ID " + client + " does not exist.");
    assertThat(
            get(stranger, JOBCARDS + "check-client/?mobile=0870000077")
                .json()
                .path("exists")
                .asBoolean())
        .isFalse();
    GatewayResponse moved =
        post(
            stranger,
            JOBCARDS + card.path("id").asLong() + "/status/",
            "{\"status\": \"Cancelled\"}");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(404);
    assertThat(
            get(owner, JOBCARDS + card.path("id").asLong() + "/").json().path("status").asString())
        .isEqualTo("Enquiry");
  }

  @Test
  void aNewJobCardReachesItsOrganisationsDashboardOnly() throws Exception {
    String owner = newOrganisation("Live Pest " + UUID.randomUUID().toString().substring(0, 6));
    String other = newOrganisation("Quiet Pest " + UUID.randomUUID().toString().substring(0, 6));
    try (LiveFeeds feeds = new LiveFeeds(gateway())) {
      BlockingQueue<JsonNode> ownerFeed = feeds.dashboard(owner);
      BlockingQueue<JsonNode> otherFeed = feeds.dashboard(other);

      JsonNode card = post(owner, JOBCARDS, SEED_MODE_2).json();

      JsonNode message = ownerFeed.poll(30, TimeUnit.SECONDS);
      assertThat(message).as("the owner's dashboard hears of the job card").isNotNull();
      assertThat(message.path("type").asString()).isEqualTo("jobcard_created");
      JsonNode data = message.path("data");
      assertThat(data.path("id").asLong()).isEqualTo(card.path("id").asLong());
      assertThat(data.path("code").asString()).isEqualTo("JC-0001");
      assertThat(data.path("client_name").asString()).isEqualTo("John Doe");
      assertThat(data.path("service_type").asString()).isEqualTo("Pest Control Service");
      assertThat(data.path("schedule_date").asString()).isEqualTo("2024-01-15");
      assertThat(data.path("technician_name").asString()).isEqualTo("Jane Smith");
      assertThat(otherFeed.poll(1, TimeUnit.SECONDS)).isNull();
    }
  }

  @Test
  void customerServiceStoppedIsA503AndNothingIsWrittenThenARetrySucceeds() {
    String admin = newOrganisation("Outage Pest " + UUID.randomUUID().toString().substring(0, 6));
    String body = SEED_MODE_2.replace("9876543210", "0870000099");
    stack().stop("customer-service");
    GatewayResponse refused;
    try {
      refused = post(admin, JOBCARDS, body);
    } finally {
      stack().restart("customer-service");
    }

    assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
    assertThat(refused.mediaType()).contains("application/problem+json");
    assertThat(refused.took()).isLessThan(Duration.ofSeconds(5));
    assertThat(get(admin, JOBCARDS).json().path("count").asLong()).isZero();

    AtomicReference<GatewayResponse> retried = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              retried.set(post(admin, JOBCARDS, body));
              return retried.get().status() == 201;
            });
    // One job card and one client. The first retries may meet a customer-service still warming up
    // (a 503 after the time limit, while it goes on to create the client), so the retry that
    // succeeds may find the client rather than create it.
    assertThat(get(admin, JOBCARDS).json().path("count").asLong()).isEqualTo(1);
    JsonNode client = get(admin, JOBCARDS + "check-client/?mobile=0870000099").json();
    assertThat(client.path("exists").asBoolean()).isTrue();
    assertThat(client.path("client").path("id").asString())
        .isEqualTo(retried.get().json().path("client").asString());
  }
}
