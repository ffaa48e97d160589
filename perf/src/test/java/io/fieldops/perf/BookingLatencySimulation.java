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
import java.time.LocalDateTime;
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
 * perf/README.md). Every run books into an organisation of its own (issue 15), founded before the
 * load and open every day all day in 5-minute slots of capacity 100; the dashboards are its founder
 * (its admin), subscribed to its feed.
 */
public class BookingLatencySimulation extends Simulation {

  private static final JsonMapper JSON = GatewayApi.JSON;

  // 50 bookings in each 5-minute slot of capacity 100, as since issue 6, so figures compare
  private static final int SLOT_MINUTES = 5;
  private static final int CAPACITY = 100;
  private static final int BOOKINGS_PER_SLOT = 50;

  private final String gatewayUrl = Perf.setting("perf.gatewayUrl", "http://localhost:8080");
  private final int dashboards = Integer.parseInt(Perf.setting("perf.dashboards", "100"));
  private final int rate = Integer.parseInt(Perf.setting("perf.rate", "20"));
  private final Duration duration = Duration.parse("PT" + Perf.setting("perf.duration", "30s"));

  private final HttpClient client = HttpClient.newHttpClient();
  private final GatewayApi api;
  private final AtomicInteger counter = new AtomicInteger();
  private final String phonePrefix =
      String.format(Locale.ROOT, "08%02d", (int) (Math.random() * 100));
  private final LocalDate firstDay = Perf.firstBookingDay();
  private volatile String organisationId; // founded in before()
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
              LocalDateTime slot = Perf.slot(firstDay, SLOT_MINUTES, BOOKINGS_PER_SLOT, n);
              return session
                  .set("organization", organisationId)
                  .set("phone", phonePrefix + String.format(Locale.ROOT, "%06d", n))
                  .set("date", slot.toLocalDate().toString())
                  .set("time", slot.toLocalTime().toString());
            })
        .exec(
            http("agent booking")
                .post(gatewayUrl + "/api/agent/booking/create/")
                .body(
                    StringBody(
                        "{\"organization\": \"#{organization}\", \"phone\": \"#{phone}\","
                            + " \"first_name\": \"Perf\", \"last_name\": \"Run\","
                            + " \"service_name\": \"Latency check\","
                            + " \"booking_date\": \"#{date}\", \"booking_time\": \"#{time}\"}"))
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
    GatewayApi.RunOrganisation organisation = api.foundOrganisation("booking latency");
    organisationId = organisation.id();
    api.openAllDayEveryDay(SLOT_MINUTES, CAPACITY);
    String ws = gatewayUrl.replaceFirst("^http", "ws") + "/ws";
    String destination = "/topic/orgs/" + organisationId + "/notifications";
    for (int i = 0; i < dashboards; i++) {
      listeners.add(
          StompListener.open(client, ws, organisation.founderToken(), destination, this::arrived));
    }
    System.out.printf(
        Locale.ROOT,
        "booking into %s (%s), founded for this run, from %s; %d dashboard clients subscribed to"
            + " %s%n",
        organisation.name(),
        organisationId,
        firstDay,
        listeners.size(),
        destination);
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
