package io.fieldops.jobcard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.jobcard.rules.JobCardStatus;
import io.fieldops.jobcard.rules.PaymentStatus;
import io.fieldops.platform.test.ApiDocument;
import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.KafkaProbe;
import io.fieldops.platform.test.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Listing, reading, changing, the status and payment workflows, and their events. */
class JobCardLifecycleIT extends JobCardIntegrationTest {

  /** The job card collection as the API document writes it. */
  private static final String JOBCARDS_DOC = "/api/v1/jobcards";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonNode create(String mobile) {
    Http.Response created = as(agent).postJson(JOBCARDS, seedModeTwo(mobile));
    assertStatus(created, 201);
    return created.json();
  }

  private String path(JsonNode card, String suffix) {
    return JOBCARDS + card.path("id").asLong() + "/" + suffix;
  }

  @Test
  void theListIsNewestFirstPaginatedAndFiltered() {
    JsonNode first = create("0810000001");
    JsonNode second = create("0810000002");
    JsonNode third = create("0810000003");

    JsonNode page = as(agent).get(JOBCARDS + "?size=2").json();
    assertThat(page.path("count").asLong()).isEqualTo(3);
    assertThat(page.path("page").asInt()).isEqualTo(1);
    assertThat(page.path("size").asInt()).isEqualTo(2);
    assertThat(ids(page)).containsExactly(third.path("id").asLong(), second.path("id").asLong());
    assertThat(ids(as(agent).get(JOBCARDS + "?size=2&page=2").json()))
        .containsExactly(first.path("id").asLong());

    assertThat(ids(as(agent).get(JOBCARDS + "?search=081-000-0002").json()))
        .containsExactly(second.path("id").asLong());
    assertThat(ids(as(agent).get(JOBCARDS + "?search=jc-0003").json()))
        .containsExactly(third.path("id").asLong());
    assertThat(ids(as(agent).get(JOBCARDS + "?client=" + first.path("client").asString()).json()))
        .containsExactly(first.path("id").asLong());
    assertThat(
            as(agent)
                .get(JOBCARDS + "?schedule_date_from=2024-01-16&status=enquiry")
                .json()
                .path("count")
                .asLong())
        .isZero();
    assertThat(
            as(agent)
                .get(JOBCARDS + "?schedule_date_to=2024-01-15&payment_status=Unpaid")
                .json()
                .path("count")
                .asLong())
        .isEqualTo(3);

    assertProblem(
        as(agent).get(JOBCARDS + "?size=101"),
        400,
        "validation-failed",
        "Validation failed",
        "Validation failed",
        "{\"size\": \"Size must be between 1 and 100.\"}");
    assertProblem(
        as(agent).get(JOBCARDS + "?status=Done"),
        400,
        "validation-failed",
        "Validation failed",
        "Validation failed",
        "{\"status\": \"Must be one of: Enquiry, Scheduled, In Progress, Completed, Cancelled.\"}");
    assertThat(as(TestUser.agent(UUID.randomUUID())).get(JOBCARDS).json().path("count").asLong())
        .isZero();
    assertStatus(as(TestUser.customer(org)).get(JOBCARDS), 403);
  }

  @Test
  void anotherOrganisationsJobCardIsNotFoundLikeAMissingOne() {
    JsonNode card = create("0810000004");
    TestUser stranger = TestUser.admin(UUID.randomUUID());

    for (Http.Response response :
        List.of(
            as(stranger).get(path(card, "")),
            as(stranger).patchJson(path(card, ""), "{\"notes\": \"mine now\"}"),
            as(stranger).postJson(path(card, "status/"), "{\"status\": \"Cancelled\"}"),
            as(stranger).postJson(path(card, "payment/"), "{\"payment_status\": \"Paid\"}"),
            as(agent).get(JOBCARDS + "999999999/"))) {
      assertProblem(response, 404, "not-found", "Job card not found", "Job card not found", null);
    }
    assertThat(as(agent).get(path(card, "")).json().path("notes").isNull()).isTrue();
  }

  @Test
  void changesNeedTheCurrentVersionAndPublishAnUpdate() {
    JsonNode card = create("0810000005");
    Http.Response read = as(agent).get(path(card, ""));
    assertThat(read.header("ETag")).isEqualTo("\"0\"");

    Http.Response changed =
        as(agent)
            .header("If-Match", "\"0\"")
            .patchJson(
                path(card, ""),
                """
                {"price": "750.50", "schedule_date": "2024-02-01", "notes": "Side gate",
                 "technician_name": "", "job_type": "contract"}
                """);
    assertStatus(changed, 200);
    assertThat(changed.header("ETag")).isEqualTo("\"1\"");
    JsonNode now = changed.json();
    assertThat(now.path("price").asString()).isEqualTo("750.5");
    assertThat(now.path("schedule_date").asString()).isEqualTo("2024-02-01");
    assertThat(now.path("technician_name").isNull()).isTrue();
    assertThat(now.path("job_type").asString()).isEqualTo("Contract");
    assertThat(now.path("notes").asString()).isEqualTo("Side gate");

    assertProblem(
        as(agent).header("If-Match", "\"0\"").patchJson(path(card, ""), "{\"notes\": \"late\"}"),
        412,
        "stale-version",
        "The record was changed by someone else; reload it and try again",
        "The record was changed by someone else; reload it and try again",
        null);
    assertProblem(
        as(agent).patchJson(path(card, ""), "{\"schedule_date\": \"01/02/2024\"}"),
        400,
        "validation-failed",
        "Validation failed",
        "Validation failed",
        "{\"schedule_date\": \"Enter a date as YYYY-MM-DD.\"}");
    assertStatus(as(TestUser.technician(org)).patchJson(path(card, ""), "{\"notes\": \"x\"}"), 403);

    try (KafkaProbe probe = new KafkaProbe(kafka, "jobcards")) {
      JsonNode updated = event(probe, card, "jobcard.updated");
      assertThat(updated.path("data").path("changed"))
          .extracting(JsonNode::asString)
          .containsExactlyInAnyOrder(
              "price", "schedule_date", "notes", "technician_name", "job_type");
      assertThat(updated.path("data").path("price").asString()).isEqualTo("750.5");
    }
  }

  @Test
  void theStatusMovesOneStepAtATimeAndCompletingIsRecorded() {
    JsonNode card = create("0810000006");

    assertProblem(
        as(agent).postJson(path(card, "status/"), "{\"status\": \"Completed\"}"),
        409,
        "illegal-transition",
        "A job card in status Enquiry cannot move to Completed.",
        "A job card in status Enquiry cannot move to Completed.",
        "{\"status\": \"Not allowed from the job card's current status.\"}");
    assertStatus(as(agent).postJson(path(card, "status/"), "{\"status\": \"Scheduled\"}"), 200);
    assertStatus(as(agent).postJson(path(card, "status/"), "{\"status\": \"In Progress\"}"), 200);
    Http.Response completed =
        as(agent).postJson(path(card, "status/"), "{\"status\": \"Completed\"}");
    assertStatus(completed, 200);
    assertThat(completed.json().path("status").asString()).isEqualTo("Completed");
    assertThat(completed.json().path("completed_at").asString()).endsWith("Z");
    assertProblem(
        as(agent).postJson(path(card, "status/"), "{\"status\": \"Cancelled\"}"),
        409,
        "illegal-transition",
        "A job card in status Completed cannot move to Cancelled.",
        "A job card in status Completed cannot move to Cancelled.",
        "{\"status\": \"Not allowed from the job card's current status.\"}");

    try (KafkaProbe probe = new KafkaProbe(kafka, "jobcards")) {
      JsonNode created = event(probe, card, "jobcard.created");
      assertThat(created.path("org_id").asString()).isEqualTo(org.toString());
      assertThat(created.path("data").path("code").asString()).isEqualTo("JC-0001");
      assertThat(created.path("data").path("client_name").asString()).isEqualTo("John Doe");
      assertThat(created.path("data").path("service_type").asString())
          .isEqualTo("Pest Control Service");
      assertThat(created.path("data").path("created_by").asString())
          .isEqualTo(agent.id().toString());
      JsonNode done = event(probe, card, "jobcard.completed");
      assertThat(done.path("data").path("customer_id").asString())
          .isEqualTo(card.path("client").asString());
      assertThat(done.path("data").path("completed_at").asString()).endsWith("Z");
      JsonNode moved = event(probe, card, "jobcard.status_changed");
      assertThat(moved.path("data").path("from").asString()).isEqualTo("Enquiry");
      assertThat(moved.path("data").path("to").asString()).isEqualTo("Scheduled");
    }
  }

  @Test
  void schedulingNeedsAScheduleDate() {
    String undated = seedModeTwo("0810000007").replace("\"schedule_date\": \"2024-01-15\",", "");
    JsonNode card = as(agent).postJson(JOBCARDS, undated).json();

    assertProblem(
        as(agent).postJson(path(card, "status/"), "{\"status\": \"Scheduled\"}"),
        400,
        "validation-failed",
        "Validation failed",
        "Validation failed",
        "{\"schedule_date\": \"A job card needs a schedule date before it is scheduled.\"}");
    assertStatus(as(agent).postJson(path(card, "status/"), "{\"status\": \"Cancelled\"}"), 200);
  }

  @Test
  void aTechnicianSeesAndWorksOnlyTheirOwnJobCards() {
    TestUser technician = member(TestUser.technician(org));
    JsonNode theirs =
        as(agent)
            .postJson(
                JOBCARDS,
                seedModeTwo("0810000008")
                    .replaceFirst("\\{", "{\"technician_id\": \"" + technician.id() + "\","))
            .json();
    JsonNode someoneElses = create("0810000009");
    as(agent).postJson(path(theirs, "status/"), "{\"status\": \"Scheduled\"}");

    JsonNode list = as(technician).get(JOBCARDS).json();
    assertThat(ids(list)).containsExactly(theirs.path("id").asLong());
    assertStatus(as(technician).get(path(someoneElses, "")), 404);
    assertStatus(
        as(technician).postJson(path(someoneElses, "status/"), "{\"status\": \"In Progress\"}"),
        404);
    assertStatus(
        as(technician).postJson(path(theirs, "status/"), "{\"status\": \"Cancelled\"}"), 403);
    assertStatus(
        as(technician).postJson(path(theirs, "payment/"), "{\"payment_status\": \"Paid\"}"), 403);
    assertStatus(
        as(technician).postJson(path(theirs, "status/"), "{\"status\": \"In Progress\"}"), 200);
    assertStatus(
        as(technician).postJson(path(theirs, "status/"), "{\"status\": \"Completed\"}"), 200);
  }

  @Test
  void paymentsFollowTheMoney() {
    JsonNode card = create("0810000010");

    Http.Response partly =
        as(agent)
            .postJson(
                path(card, "payment/"),
                "{\"payment_status\": \"Partially Paid\", \"amount_paid\": \"200\"}");
    assertStatus(partly, 200);
    assertThat(partly.json().path("payment_status").asString()).isEqualTo("Partially Paid");
    assertThat(partly.json().path("amount_paid").asString()).isEqualTo("200");
    assertProblem(
        as(agent)
            .postJson(
                path(card, "payment/"), "{\"payment_status\": \"Paid\", \"amount_paid\": \"450\"}"),
        400,
        "validation-failed",
        "Validation failed",
        "Validation failed",
        "{\"amount_paid\": \"Paid means the whole price: the amount paid must equal the price.\"}");
    Http.Response paid =
        as(agent).postJson(path(card, "payment/"), "{\"payment_status\": \"Paid\"}");
    assertThat(paid.json().path("amount_paid").asString()).isEqualTo("500");
    assertProblem(
        as(agent).postJson(path(card, "payment/"), "{\"payment_status\": \"Partially Paid\"}"),
        409,
        "illegal-transition",
        "A job card whose payment is Paid cannot move to Partially Paid.",
        "A job card whose payment is Paid cannot move to Partially Paid.",
        "{\"payment_status\": \"Not allowed from the job card's current payment status.\"}");
    assertStatus(
        as(agent).postJson(path(card, "payment/"), "{\"payment_status\": \"Refunded\"}"), 200);

    try (KafkaProbe probe = new KafkaProbe(kafka, "jobcards")) {
      JsonNode changed = event(probe, card, "jobcard.payment_changed");
      assertThat(changed.path("data").path("from").asString()).isEqualTo("Unpaid");
      assertThat(changed.path("data").path("to").asString()).isEqualTo("Partially Paid");
    }
  }

  private static List<Long> ids(JsonNode page) {
    return page.path("results").valueStream().map(card -> card.path("id").asLong()).toList();
  }

  /** The event of this test's organisation (ids repeat across test classes' databases). */
  private JsonNode event(KafkaProbe probe, JsonNode card, String type) {
    ConsumerRecord<String, byte[]> record =
        probe.awaitRecord(
            Duration.ofSeconds(30),
            r ->
                card.path("id").asString().equals(r.key())
                    && type.equals(envelope(r).path("type").asString())
                    && org.toString().equals(envelope(r).path("org_id").asString()));
    return envelope(record);
  }

  /**
   * The document clients and the API fuzzer are generated from lists every status and payment
   * status as the service spells them, in requests, answers and the list's filters, and documents
   * the create answer and {@code client} as what they are.
   */
  @Test
  void theApiDocumentListsEveryValueSet() {
    ApiDocument doc = ApiDocument.of(Http.to(port)).assertPlatformFacts();

    List<String> statuses =
        Arrays.stream(JobCardStatus.values()).map(JobCardStatus::value).toList();
    List<String> payments =
        Arrays.stream(PaymentStatus.values()).map(PaymentStatus::value).toList();
    assertThat(doc.enumOf("StatusChange", "status")).isEqualTo(statuses);
    assertThat(doc.enumOf("PaymentChange", "payment_status")).isEqualTo(payments);
    for (String schema : List.of("JobCardView", "CreatedJobCard")) {
      assertThat(doc.enumOf(schema, "status")).as(schema).isEqualTo(statuses);
      assertThat(doc.enumOf(schema, "payment_status")).as(schema).isEqualTo(payments);
    }
    assertThat(doc.parameterEnum(JOBCARDS_DOC, "get", "status")).isEqualTo(statuses);
    assertThat(doc.parameterEnum(JOBCARDS_DOC, "get", "payment_status")).isEqualTo(payments);
    assertThat(doc.content(JOBCARDS_DOC, "post", "201").path("properties").has("client_created"))
        .isTrue();
    assertThat(doc.member("JobCardRequest", "client").path("format").asString()).isEqualTo("uuid");
    assertThat(doc.required("JobCardRequest")).containsExactly("service_type");
  }

  private static JsonNode envelope(ConsumerRecord<String, byte[]> record) {
    return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
  }
}
