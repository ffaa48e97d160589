package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Stripe's promise, through the gateway: fifty identical agent bookings with one {@code
 * Idempotency-Key}, sent at once from fifty clients, make one booking, and every client gets the
 * same answer. (perf/ConcurrencyLimitsSimulation does the same with its own numbers.)
 */
class IdempotencyFlowIT extends SystemTest {

  private static final int DUPLICATES = 50;

  /** A Friday three weeks ahead in Bangkok, in an organisation of this test's own. */
  private static final LocalDate FRIDAY =
      LocalDate.now(ZoneId.of("Asia/Bangkok"))
          .plusDays(21)
          .with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));

  @Test
  void fiftyIdenticalRequestsWithOneKeyMakeOneBookingAndOneAnswer() throws Exception {
    FoundedOrganisation organisation =
        foundOrganisation("Idempotency " + UUID.randomUUID().toString().substring(0, 8));
    String bearer = "Bearer " + organisation.adminToken();
    assertThat(gateway().put("/api/v1/bookings/settings/", "{}", "Authorization", bearer).status())
        .isEqualTo(200);
    String phone =
        "09" + String.format("%08d", Math.floorMod(organisation.id().hashCode(), 100_000_000));
    String body =
        """
        {"phone": "%s", "first_name": "Once", "service_name": "Pest control",
         "booking_date": "%s", "booking_time": "12:00"}
        """
            .formatted(phone, FRIDAY);
    String key = UUID.randomUUID().toString();

    CountDownLatch start = new CountDownLatch(1);
    List<Future<GatewayResponse>> sent = new ArrayList<>();
    try (ExecutorService clients = Executors.newFixedThreadPool(DUPLICATES)) {
      for (int i = 0; i < DUPLICATES; i++) {
        // each from an address of its own: the gateway allows 20 agent bookings a minute per
        // address
        Gateway client = gateway().from("127.202.%d.%d".formatted(i + 1, i + 1));
        sent.add(
            clients.submit(
                () -> {
                  start.await();
                  return client.post(
                      "/api/agent/booking/create/",
                      body,
                      "X-Organization",
                      organisation.slug(),
                      "Idempotency-Key",
                      key);
                }));
      }
      start.countDown();
    }
    List<String> answers = new ArrayList<>();
    for (Future<GatewayResponse> answer : sent) {
      answers.add(answer.get().status() + " " + answer.get().body());
    }

    assertThat(answers.getFirst()).startsWith("201 ");
    assertThat(answers).as("every answer the first one's").containsOnly(answers.getFirst());
    GatewayResponse stored =
        gateway().get("/api/v1/bookings/?phone=" + phone, "Authorization", bearer);
    assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
    assertThat(stored.json().path("count").asInt()).isEqualTo(1);
  }
}
