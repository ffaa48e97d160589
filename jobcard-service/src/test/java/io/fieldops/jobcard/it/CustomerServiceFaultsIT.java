package io.fieldops.jobcard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * customer-service down, slow, refusing or raced, and callers retrying: a job card is written
 * exactly when its client is known, and a retry never makes a second one.
 */
class CustomerServiceFaultsIT extends JobCardIntegrationTest {

  private static final String UNAVAILABLE =
      "customer-service is temporarily unavailable; please try again shortly";

  @Test
  void customerServiceDownIsAQuick503AndNothingIsWritten() {
    CUSTOMER_LINK.cut();
    Http.Response refused;
    long started = System.nanoTime();
    try {
      refused = as(agent).postJson(JOBCARDS, seedModeTwo("0820000001"));
    } finally {
      CUSTOMER_LINK.open();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertProblem(refused, 503, "service-unavailable", UNAVAILABLE, UNAVAILABLE, null);
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertThat(jobCards(org)).isZero();

    Http.Response retried = as(agent).postJson(JOBCARDS, seedModeTwo("0820000001"));
    assertStatus(retried, 201);
    assertThat(retried.json().path("client_created").asBoolean()).isTrue();
    assertThat(CUSTOMERS.clientsOf(org)).isEqualTo(1);
    assertThat(jobCards(org)).isEqualTo(1);
  }

  @Test
  void customerServiceTooSlowIsA503WithinTheTimeLimit() {
    CUSTOMERS.hang();
    Http.Response refused;
    long started = System.nanoTime();
    try {
      refused = as(agent).postJson(JOBCARDS, seedModeTwo("0820000002"));
    } finally {
      CUSTOMERS.release();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertProblem(refused, 503, "service-unavailable", UNAVAILABLE, UNAVAILABLE, null);
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(jobCards(org)).isZero();
  }

  @Test
  void aConflictInCustomerServiceIsPassedOnAsAConflict() {
    CUSTOMERS.conflicting(true);
    Http.Response refused;
    try {
      refused = as(agent).postJson(JOBCARDS, seedModeTwo("0820000003"));
    } finally {
      CUSTOMERS.conflicting(false);
    }

    assertProblem(
        refused,
        409,
        "conflict",
        "A customer with this mobile number already exists.",
        "A customer with this mobile number already exists.",
        "{\"mobile\": \"A customer with this mobile number already exists.\"}");
    assertThat(jobCards(org)).isZero();
  }

  @Test
  void aRetryWithTheSameKeyGetsTheFirstAnswerAndAskesNothingAgain() {
    String body = seedModeTwo("0820000004");
    Http.Response first =
        as(agent).header("Idempotency-Key", "jc-retry-1").postJson(JOBCARDS, body);
    assertStatus(first, 201);
    int calls = CUSTOMERS.findOrCreateCalls();

    Http.Response again =
        as(agent).header("Idempotency-Key", "jc-retry-1").postJson(JOBCARDS, body);

    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(CUSTOMERS.findOrCreateCalls()).isEqualTo(calls);
    assertThat(jobCards(org)).isEqualTo(1);

    Http.Response other =
        as(agent)
            .header("Idempotency-Key", "jc-retry-1")
            .postJson(JOBCARDS, body.replace("\"500\"", "\"600\""));
    assertThat(other.status()).as(other.body()).isEqualTo(422);
    assertThat(other.json().path("message").asString())
        .isEqualTo("This Idempotency-Key was already used with a different request");
    assertThat(jobCards(org)).isEqualTo(1);
  }

  @Test
  void fiftyParallelCreatesWithOneNewMobileMakeFiftyJobCardsAndOneClient() throws Exception {
    int parallel = 50;
    List<Callable<Http.Response>> creates = new ArrayList<>();
    for (int i = 0; i < parallel; i++) {
      String written = i % 2 == 0 ? "083-000-0005" : "(083) 000 0005";
      creates.add(() -> as(agent).postJson(JOBCARDS, seedModeTwo(written)));
    }
    List<JsonNode> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
      for (Future<Http.Response> answer : pool.invokeAll(creates)) {
        Http.Response response = answer.get();
        assertStatus(response, 201);
        answers.add(response.json());
      }
    }

    assertThat(answers.stream().map(a -> a.path("client").asString()).distinct()).hasSize(1);
    assertThat(answers.stream().filter(a -> a.path("client_created").asBoolean())).hasSize(1);
    assertThat(answers.stream().map(a -> a.path("code").asString()).distinct()).hasSize(parallel);
    assertThat(CUSTOMERS.clientsOf(org)).isEqualTo(1);
    assertThat(jobCards(org)).isEqualTo(parallel);
  }
}
