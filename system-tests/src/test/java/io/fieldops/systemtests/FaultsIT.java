package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.devstack.Devstack;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16's faults, short versions: a part of the suite is stopped or killed as an operator (or a
 * crash) would, while clients keep calling through the gateway; what the suite promises must hold
 * through it and after. Each test books into an organisation of its own, open all day every day, so
 * it works on any calendar day and whatever other tests booked.
 */
class FaultsIT extends SystemTest {

  private static final String AGENT = "/api/agent/booking/create/";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  /** Issue 16: with auth-service down an agent booking is refused within a second. */
  private static final Duration QUICK = Duration.ofSeconds(1);

  private static final Duration RECOVERY = Duration.ofSeconds(90);

  /** How long Kafka stays down: 10 s in verify, 60 s in perf/run-limits. */
  private static final Duration KAFKA_OUTAGE =
      Duration.ofSeconds(Long.getLong("faults.kafka-outage-seconds", 10));

  private final AtomicInteger slot = new AtomicInteger();
  private final String phonePrefix =
      String.format(Locale.ROOT, "06%02d", ThreadLocalRandom.current().nextInt(100));
  private String organisation;
  private String admin;
  private String adminEmail;
  // Agents at addresses of their own, each making at most BOOKINGS_PER_AGENT bookings: the gateway
  // allows 20 agent bookings a minute per address, and a 60 s Kafka outage sees about a thousand
  private static final int BOOKINGS_PER_AGENT = 15;
  private final Map<Integer, Gateway> agents = new ConcurrentHashMap<>();
  private int network;

  @BeforeEach
  void anOrganisationOpenAllDay() {
    network = ThreadLocalRandom.current().nextInt(2, 250);
    FoundedOrganisation founded =
        foundOrganisation("Faults " + UUID.randomUUID().toString().substring(0, 8));
    organisation = founded.id();
    admin = founded.adminToken();
    adminEmail = founded.adminEmail();
    StringBuilder hours = new StringBuilder();
    for (DayOfWeek day : DayOfWeek.values()) {
      hours
          .append(hours.isEmpty() ? "" : ", ")
          .append(
              "\"%s\": {\"start\": \"00:00\", \"end\": \"23:55\"}"
                  .formatted(day.name().toLowerCase(Locale.ROOT)));
    }
    GatewayResponse settings =
        gateway()
            .put(
                "/api/v1/bookings/settings/",
                """
                {"working_hours": {%s}, "off_days": [], "closed_dates": [], "slot_minutes": 5,
                 "capacity": 1, "min_notice_minutes": 0, "max_days_ahead": 3650}
                """
                    .formatted(hours),
                "Authorization",
                "Bearer " + admin);
    assertThat(settings.status()).as(settings.toString()).isIn(200, 201);
  }

  /**
   * A fault test leaves the shared suite as it found it: each route answers again (not the
   * gateway's 503 of an open breaker, nor a service's while its pool reconnects), or the next test
   * would meet a breaker still open from this one's fault.
   */
  @AfterEach
  void theSuiteAnswersAgain() {
    await()
        .atMost(RECOVERY)
        .until(
            () ->
                gateway()
                        .post(
                            "/api/auth/login/",
                            "{\"email\": \"nobody-%s@example.com\", \"password\": \"Not-1-password\"}"
                                .formatted(UUID.randomUUID()))
                        .status()
                    < 500);
    for (String path :
        List.of("/api/v1/bookings/", "/api/v1/notifications/", "/api/v1/customers/stats/")) {
      await()
          .atMost(RECOVERY)
          .until(() -> gateway().get(path, "Authorization", "Bearer " + admin).status() == 200);
    }
  }

  /** Seed 001's request for a slot nobody has asked for yet, with a phone of its own. */
  private GatewayResponse book() {
    int n = slot.getAndIncrement();
    LocalDateTime at =
        LocalDate.now(ZoneOffset.UTC)
            .plusDays(2)
            .atStartOfDay()
            // 287 slots a day: 23:55 would end at midnight, after the working hours' 23:55
            .plusMinutes(5L * (n + n / 287));
    return agents
        .computeIfAbsent(
            n / BOOKINGS_PER_AGENT,
            agent ->
                gateway().from("127.%d.%d.%d".formatted(network, agent / 250, 1 + agent % 250)))
        .post(
            AGENT,
            """
            {"organization": "%s", "phone": "%s%06d", "first_name": "Fault", "last_name": "Test",
             "service_name": "Fault check", "booking_date": "%s", "booking_time": "%s"}
            """
                .formatted(organisation, phonePrefix, n, at.toLocalDate(), at.toLocalTime()));
  }

  @Test
  void withAuthServiceDownAgentBookingsAre503AtOnceTheRestServesAndItRecoversOnItsOwn() {
    GatewayResponse before = book();
    assertThat(before.status()).as(before.toString()).isEqualTo(201);

    stack().stop("auth-service");
    try {
      // the first calls find out (the registry and the breaker learn); then each is refused fast
      await()
          .atMost(RECOVERY)
          .until(
              () -> {
                GatewayResponse answer = book();
                return answer.status() == 503 && answer.took().compareTo(QUICK) < 0;
              });
      for (int i = 0; i < 3; i++) {
        GatewayResponse refused = book();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.mediaType()).as(refused.toString()).contains(PROBLEM_JSON);
        assertThat(refused.json().path("success").asBoolean()).isFalse();
        assertThat(refused.took()).as(refused.toString()).isLessThan(QUICK);
        // when the open breaker lets calls through again (booking-service's opens for 10 s)
        assertThat(refused.headers().firstValue("Retry-After").map(Integer::parseInt))
            .as(refused.toString())
            .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1, 10));
      }
      // what needs no auth-service keeps answering: tokens are checked against cached keys
      GatewayResponse bookings =
          gateway().get("/api/v1/bookings/", "Authorization", "Bearer " + admin);
      assertThat(bookings.status()).as(bookings.toString()).isEqualTo(200);
      assertThat(bookings.json().path("count").asLong()).isEqualTo(1);
    } finally {
      stack().restart("auth-service");
    }

    // the breaker closes by itself: no restart of booking-service or the gateway
    await().atMost(RECOVERY).until(() -> book().status() == 201);
  }

  @Test
  void bookingServiceKilledInABurstLosesNoAnsweredBookingAndPublishesEachOnce() throws Exception {
    int burst = 24;
    CountDownLatch someAnswered = new CountDownLatch(4);
    List<Future<GatewayResponse>> answers = new ArrayList<>();
    try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < burst; i++) {
        answers.add(
            clients.submit(
                () -> {
                  GatewayResponse answer = book();
                  someAnswered.countDown();
                  return answer;
                }));
      }
      someAnswered.await();
      stack().kill("booking-service");
    }
    stack().restart("booking-service");

    Set<Long> answered = new TreeSet<>();
    Map<Integer, Integer> statuses = new HashMap<>();
    for (Future<GatewayResponse> future : answers) {
      GatewayResponse answer = future.get();
      statuses.merge(answer.status(), 1, Integer::sum);
      if (answer.status() == 201) {
        answered.add(answer.json().path("booking_id").asLong());
      } else {
        // a request cut by the crash is a problem the client can retry, never a 500
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.mediaType()).as(answer.toString()).contains(PROBLEM_JSON);
      }
    }
    assertThat(answered).as("answered 201 (all answers: %s)", statuses).isNotEmpty();

    // every booking answered 201 is stored, whole (once the gateway routes to the new instance)
    AtomicReference<GatewayResponse> list = new AtomicReference<>();
    await()
        .atMost(RECOVERY)
        .until(
            () -> {
              list.set(
                  gateway().get("/api/v1/bookings/?size=100", "Authorization", "Bearer " + admin));
              return list.get().status() == 200;
            });
    JsonNode stored = list.get().json().path("results");
    Set<Long> storedIds = new TreeSet<>();
    for (JsonNode booking : stored) {
      storedIds.add(booking.path("id").asLong());
      assertThat(booking.path("service_name").asString()).isEqualTo("Fault check");
      assertThat(booking.path("status").asString()).isEqualTo("upcoming");
    }
    assertThat(storedIds).containsAll(answered);

    // every stored booking reaches the organisation's notifications, each exactly once, also those
    // committed just before the crash (the outbox publishes them after the restart)
    await()
        .atMost(RECOVERY)
        .untilAsserted(
            () -> assertThat(notifiedBookings()).containsExactlyInAnyOrderElementsOf(storedIds));
  }

  /**
   * The operator rotates the signing key (auth-service's management port) while clients keep
   * calling with tokens signed by the old key and log in for new ones: not one request fails. The
   * old key stays published until its tokens expire; services that meet the new kid fetch the JWKS
   * again.
   */
  @Test
  void aSigningKeyRotatedUnderLoadFailsNoRequest() throws Exception {
    String before = kidOf(admin);
    Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    List<GatewayResponse> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicInteger newKeyCalls = new AtomicInteger();
    // logins from many addresses: the gateway allows ten a minute per address
    List<Gateway> staff = new ArrayList<>();
    for (int host = 1; host <= 100; host++) {
      staff.add(gateway().from("127.201.%d.%d".formatted(host, host)));
    }
    java.util.concurrent.atomic.AtomicBoolean loading =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    try (ExecutorService clients = Executors.newFixedThreadPool(2)) {
      // a dashboard that keeps its token from before the rotation
      Future<?> oldToken =
          clients.submit(
              () -> {
                while (loading.get()) {
                  count(
                      gateway().get("/api/v1/bookings/", "Authorization", "Bearer " + admin),
                      statuses,
                      failed);
                }
              });
      // staff who log in again and again, getting tokens from whichever key is active
      Future<?> newTokens =
          clients.submit(
              () -> {
                for (int i = 0; loading.get(); i++) {
                  GatewayResponse login =
                      staff
                          .get(i % staff.size())
                          .post(
                              "/api/auth/login/",
                              "{\"email\": \"%s\", \"password\": \"%s\"}"
                                  .formatted(adminEmail, FOUNDER_PASSWORD));
                  count(login, statuses, failed);
                  if (login.status() != 200) {
                    continue;
                  }
                  String token = login.json().path("tokens").path("access").asString();
                  GatewayResponse read =
                      gateway().get("/api/v1/notifications/", "Authorization", "Bearer " + token);
                  count(read, statuses, failed);
                  if (read.status() == 200 && !kidOf(token).equals(before)) {
                    newKeyCalls.incrementAndGet();
                  }
                }
              });
      await().atMost(RECOVERY).until(() -> statuses.values().stream().mapToInt(n -> n).sum() > 20);

      GatewayResponse rotated =
          gateway()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              stack().ports().managementUrl("auth-service")
                                  + "/actuator/signingkeys"))
                      .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
      assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
      String after = rotated.json().path("active_kid").asString();
      assertThat(after).isNotEqualTo(before);

      // until tokens of the new key have been used a while, alongside the old one
      await().atMost(RECOVERY).until(() -> newKeyCalls.get() >= 20);
      loading.set(false);
      oldToken.get();
      newTokens.get();
    }
    assertThat(failed).as("answers: %s", statuses).isEmpty();
    System.out.printf(
        "FaultsIT: signing key rotated under load, answers %s, %d calls with new-key tokens%n",
        statuses, newKeyCalls.get());
  }

  private static void count(
      GatewayResponse answer, Map<Integer, Integer> statuses, List<GatewayResponse> failed) {
    statuses.merge(answer.status(), 1, Integer::sum);
    if (answer.status() != 200) {
      failed.add(answer);
    }
  }

  /** The {@code kid} in a token's header. */
  private static String kidOf(String token) {
    return JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]))
        .path("kid")
        .asString();
  }

  /**
   * Kafka down while agent bookings keep arriving and staff complete them: every booking answered
   * is stored with its events in the outbox; once Kafka is back each reaches a dashboard that was
   * connected all along exactly once, and each completion counts once in the customer's service
   * history (customer-service's {@code total_services}).
   */
  @Test
  void bookingsAcceptedWhileKafkaIsDownReachTheDashboardAndTheHistoryOnceItReturns()
      throws Exception {
    Map<Long, String> customerOf = new LinkedHashMap<>(); // booking id -> its customer's user id
    List<JsonNode> live = new ArrayList<>();
    try (LiveFeeds feeds = new LiveFeeds(gateway())) {
      BlockingQueue<JsonNode> dashboard = feeds.dashboard(admin);
      stack().stop(Devstack.KAFKA);
      long until = System.nanoTime() + KAFKA_OUTAGE.toNanos();
      try {
        do {
          GatewayResponse answer = book();
          assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
          long id = answer.json().path("booking_id").asLong();
          customerOf.put(id, answer.json().path("user_id").asString());
          GatewayResponse completed =
              gateway()
                  .send(
                      gateway()
                          .request(
                              "/api/v1/bookings/" + id + "/status/",
                              "Authorization",
                              "Bearer " + admin,
                              "Content-Type",
                              "application/json")
                          .method(
                              "PATCH",
                              java.net.http.HttpRequest.BodyPublishers.ofString(
                                  "{\"status\": \"completed\"}")));
          assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        } while (System.nanoTime() < until);
      } finally {
        stack().restart(Devstack.KAFKA);
      }

      await()
          .atMost(RECOVERY)
          .untilAsserted(
              () -> {
                dashboard.drainTo(live);
                assertThat(bookingIds(live, "booking_created"))
                    .containsExactlyInAnyOrderElementsOf(customerOf.keySet());
              });
    }
    // once each: no notification twice, live or in the history
    assertThat(live.stream().map(message -> message.path("id").asLong()).toList())
        .doesNotHaveDuplicates();
    assertThat(notifiedBookings()).containsExactlyInAnyOrderElementsOf(customerOf.keySet());
    await()
        .atMost(RECOVERY)
        .untilAsserted(
            () -> {
              for (String user : customerOf.values()) {
                GatewayResponse customer =
                    gateway()
                        .get(
                            "/api/v1/customers/by_user_id/?user_id=" + user,
                            "Authorization",
                            "Bearer " + admin);
                assertThat(customer.status()).as(customer.toString()).isEqualTo(200);
                assertThat(customer.json().path("total_services").asInt())
                    .as(customer.toString())
                    .isEqualTo(1);
              }
            });
    System.out.printf(
        "FaultsIT: %d bookings booked and completed during a %d s Kafka outage, each notified"
            + " and counted once%n",
        customerOf.size(), KAFKA_OUTAGE.toSeconds());
  }

  private static List<Long> bookingIds(List<JsonNode> messages, String type) {
    return messages.stream()
        .filter(message -> type.equals(message.path("type").asString()))
        .map(message -> message.path("data").path("id").asLong())
        .toList();
  }

  @Test
  void whilePostgresRestartsAnswersAre503ProblemsAndTheServicesRecoverOnTheirOwn()
      throws Exception {
    assertThat(book().status()).isEqualTo(201);
    Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    List<GatewayResponse> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean restarting =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    try (ExecutorService client = Executors.newSingleThreadExecutor()) {
      Future<?> load =
          client.submit(
              () -> {
                while (restarting.get()) {
                  GatewayResponse answer =
                      gateway().get("/api/v1/bookings/", "Authorization", "Bearer " + admin);
                  statuses.merge(answer.status(), 1, Integer::sum);
                  if (answer.status() != 200) {
                    refused.add(answer);
                  }
                }
              });
      stack().stop(Devstack.POSTGRES);
      try {
        await().atMost(RECOVERY).until(() -> !refused.isEmpty());
      } finally {
        stack().restart(Devstack.POSTGRES);
      }
      // the pools drop their broken connections and take new ones: no service restarts
      await()
          .atMost(RECOVERY)
          .until(
              () ->
                  gateway().get("/api/v1/bookings/", "Authorization", "Bearer " + admin).status()
                      == 200);
      restarting.set(false);
      load.get();
    }
    await().atMost(RECOVERY).until(() -> book().status() == 201);

    assertThat(refused).as("answers: %s", statuses).isNotEmpty();
    for (GatewayResponse answer : refused) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
      assertThat(answer.mediaType()).as(answer.toString()).contains(PROBLEM_JSON);
      assertThat(answer.headers().firstValue("Retry-After")).as(answer.toString()).isPresent();
    }
  }

  @Test
  void aDashboardThatReconnectsAfterNotificationServiceRestartsMissesNothingAndGetsNothingTwice()
      throws Exception {
    List<Long> booked = new ArrayList<>();
    Map<Long, JsonNode> seen = new HashMap<>(); // notification id -> notification, live or REST
    try (LiveFeeds feeds = new LiveFeeds(gateway())) {
      BlockingQueue<JsonNode> before = feeds.dashboard(admin);
      for (int i = 0; i < 3; i++) {
        booked.add(bookOrFail());
      }
      for (int i = 0; i < 3; i++) {
        JsonNode message = before.poll(RECOVERY.toSeconds(), TimeUnit.SECONDS);
        assertThat(message).as("live message %d of 3", i + 1).isNotNull();
        seen.put(message.path("id").asLong(), message);
      }
      long lastSeen = seen.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();

      stack().kill("notification-service");
      // bookings go on; their events wait in Kafka for the consumer
      for (int i = 0; i < 3; i++) {
        booked.add(bookOrFail());
      }
      stack().restart("notification-service");

      // the client reconnects (once the gateway routes to the new instance), then catches up
      AtomicReference<BlockingQueue<JsonNode>> after = new AtomicReference<>();
      await()
          .atMost(RECOVERY)
          .ignoreExceptions()
          .until(
              () -> {
                after.set(feeds.dashboard(admin));
                return true;
              });
      for (int i = 0; i < 2; i++) {
        booked.add(bookOrFail());
      }
      await()
          .atMost(RECOVERY)
          .untilAsserted(
              () -> {
                for (JsonNode message = after.get().poll();
                    message != null;
                    message = after.get().poll()) {
                  seen.put(message.path("id").asLong(), message);
                }
                catchUp(lastSeen).forEach(n -> seen.put(n.path("id").asLong(), n));
                assertThat(
                        seen.values().stream()
                            .filter(n -> "booking_created".equals(n.path("type").asString()))
                            .map(n -> n.path("data").path("id").asLong())
                            .toList())
                    .containsExactlyInAnyOrderElementsOf(booked);
              });
    }
  }

  private long bookOrFail() {
    GatewayResponse answer = book();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().path("booking_id").asLong();
  }

  /** What a reconnecting dashboard asks the history for: everything after the last id it saw. */
  private List<JsonNode> catchUp(long lastSeen) {
    List<JsonNode> missed = new ArrayList<>();
    long after = lastSeen;
    boolean more = true;
    while (more) {
      GatewayResponse page =
          gateway()
              .get(
                  "/api/v1/notifications/?after=" + after + "&limit=50",
                  "Authorization",
                  "Bearer " + admin);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.json().path("results").forEach(missed::add);
      more = page.json().path("has_more").asBoolean();
      after = page.json().path("next_after").asLong();
    }
    return missed;
  }

  /**
   * The booking ids of the organisation's booking_created notifications, one entry per one: the
   * whole history, page by page (a booking that is also completed has two notifications, so a Kafka
   * outage of a few seconds already fills more than one page).
   */
  private List<Long> notifiedBookings() {
    return bookingIds(catchUp(0), "booking_created");
  }
}
