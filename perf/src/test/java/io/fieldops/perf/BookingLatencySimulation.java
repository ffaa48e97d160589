package io.fieldops.perf;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * From an agent booking's HTTP answer to the STOMP message at the dashboards, through the gateway
 * (issue 6): {@code perf.dashboards} (100) clients subscribed to the organisation's feed while
 * agent bookings (seed 001's request, a new phone each) arrive at {@code perf.rate} (20) per second
 * for {@code perf.duration}. For every booking and every client: message arrival minus the moment
 * the HTTP answer arrived. Prints p50, p99 and max, and how many messages never came.
 *
 * <p>Needs the whole stack and the gateway's agent-booking and login limits lifted (see
 * perf/README.md). It switches the organisation's booking settings to 5-minute slots of capacity
 * 100 all day every day, so hundreds of bookings fit tomorrow, and puts the previous settings back
 * at the end.
 */
public class BookingLatencySimulation extends Simulation {

  private static final JsonMapper JSON = GatewayApi.JSON;

  private final String gatewayUrl = Perf.setting("perf.gatewayUrl", "http://localhost:8080");
  private final String email = Perf.setting("perf.email", "admin@demo.fieldops.local");
  private final String password = Perf.setting("perf.password", "fieldops-demo-admin");
  private final int dashboards = Integer.parseInt(Perf.setting("perf.dashboards", "100"));
  private final int rate = Integer.parseInt(Perf.setting("perf.rate", "20"));
  private final Duration duration = Duration.parse("PT" + Perf.setting("perf.duration", "30s"));

  private final HttpClient client = HttpClient.newHttpClient();
  private final GatewayApi api;
  private final AtomicInteger counter = new AtomicInteger();
  private final String phonePrefix =
      String.format(Locale.ROOT, "08%02d", (int) (Math.random() * 100));
  // a day of its own per run (2-27 days ahead), so earlier runs' bookings never fill its slots
  private final LocalDate day = LocalDate.now().plusDays(2 + (long) (Math.random() * 26));
  private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentLinkedQueue<Long>> arrivedAt = new ConcurrentHashMap<>();
  private final List<StompListener> listeners = new ArrayList<>();

  private final HttpProtocolBuilder protocol = Perf.jsonProtocol();

  {
    api = new GatewayApi(gatewayUrl);
    setUp(agentBookings().injectOpen(constantUsersPerSec(rate).during(duration)))
        .protocols(protocol)
        .assertions(global().failedRequests().percent().lt(1.0));
  }

  private ScenarioBuilder agentBookings() {
    return scenario("agent booking")
        .exec(
            session -> {
              int n = counter.getAndIncrement();
              // 5-minute slots from 00:00, at most 100 bookings each: n / 50 never overfills one
              LocalTime time = LocalTime.MIDNIGHT.plusMinutes(5L * ((n / 50) % 280));
              return session
                  .set("phone", phonePrefix + String.format(Locale.ROOT, "%06d", n))
                  .set("time", time.toString());
            })
        .exec(
            http("agent booking")
                .post(gatewayUrl + "/api/agent/booking/create/")
                .body(
                    StringBody(
                        "{\"phone\": \"#{phone}\", \"first_name\": \"Perf\", \"last_name\": \"Run\","
                            + " \"service_name\": \"Latency check\", \"booking_date\": \""
                            + day
                            + "\", \"booking_time\": \"#{time}\"}"))
                .check(status().is(201), jsonPath("$.booking_id").saveAs("bookingId")))
        .exec(
            session -> {
              if (!session.isFailed()) {
                answeredAt.put(session.getString("bookingId"), System.nanoTime());
              }
              return session;
            });
  }

  @Override
  public void before() {
    String adminToken = api.login(email, password);
    String orgId = api.organisationId();
    // 5-minute slots of capacity 100 all day: room for hundreds of bookings on one day
    api.roomySettings(5, 100);
    String ws = gatewayUrl.replaceFirst("^http", "ws") + "/ws";
    String destination = "/topic/orgs/" + orgId + "/notifications";
    for (int i = 0; i < dashboards; i++) {
      listeners.add(StompListener.open(client, ws, adminToken, destination, this::arrived));
    }
    System.out.printf(
        Locale.ROOT, "%d dashboard clients subscribed to %s%n", listeners.size(), destination);
  }

  private void arrived(String body, long nanos) {
    JsonNode message = JSON.readTree(body);
    if ("booking_created".equals(message.path("type").asString())) {
      arrivedAt
          .computeIfAbsent(
              message.path("data").path("id").asString(), k -> new ConcurrentLinkedQueue<>())
          .add(nanos);
    }
  }

  @Override
  public void after() {
    // the last messages are at most a few seconds behind their answers
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline && !allArrived()) {
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    listeners.forEach(StompListener::close);
    api.restoreSettings();

    List<Long> latencies = new ArrayList<>();
    long missing = 0;
    for (var answer : answeredAt.entrySet()) {
      var arrivals = arrivedAt.getOrDefault(answer.getKey(), new ConcurrentLinkedQueue<>());
      missing += dashboards - arrivals.size();
      for (long arrival : arrivals) {
        latencies.add(arrival - answer.getValue());
      }
    }
    latencies.sort(null);
    System.out.println(
        String.join(
            System.lineSeparator(),
            "",
            String.format(
                Locale.ROOT,
                "==== fieldops booking -> STOMP through the gateway: %d bookings/s for %d s, %d"
                    + " dashboard clients",
                rate,
                duration.toSeconds(),
                dashboards),
            String.format(
                Locale.ROOT,
                "bookings answered %d, messages %d, missing %d",
                answeredAt.size(),
                latencies.size(),
                missing),
            String.format(
                Locale.ROOT,
                "HTTP answer -> STOMP message: min %s, p50 %s, p99 %s, max %s",
                millis(percentile(latencies, 0)),
                millis(percentile(latencies, 50)),
                millis(percentile(latencies, 99)),
                millis(percentile(latencies, 100))),
            "(negative: the message reached the dashboards before the HTTP answer reached the agent)",
            ""));
  }

  private boolean allArrived() {
    return answeredAt.keySet().stream()
        .allMatch(
            id -> arrivedAt.getOrDefault(id, new ConcurrentLinkedQueue<>()).size() >= dashboards);
  }

  private static long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }
}
