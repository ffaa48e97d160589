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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String gatewayUrl = setting("perf.gatewayUrl", "http://localhost:8080");
  private final String email = setting("perf.email", "admin@demo.fieldops.local");
  private final String password = setting("perf.password", "fieldops-demo-admin");
  private final int dashboards = Integer.parseInt(setting("perf.dashboards", "100"));
  private final int rate = Integer.parseInt(setting("perf.rate", "20"));
  private final Duration duration = Duration.parse("PT" + setting("perf.duration", "30s"));

  private final HttpClient client = HttpClient.newHttpClient();
  private final AtomicInteger counter = new AtomicInteger();
  private final String phonePrefix =
      String.format(Locale.ROOT, "08%02d", (int) (Math.random() * 100));
  // a day of its own per run (2-27 days ahead), so earlier runs' bookings never fill its slots
  private final LocalDate day = LocalDate.now().plusDays(2 + (long) (Math.random() * 26));
  private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentLinkedQueue<Long>> arrivedAt = new ConcurrentHashMap<>();
  private final List<StompListener> listeners = new ArrayList<>();
  private String adminToken;
  private JsonNode previousSettings;

  private final HttpProtocolBuilder protocol =
      http.acceptHeader("application/json")
          .contentTypeHeader("application/json")
          .userAgentHeader("fieldops-perf")
          .disableCaching();

  {
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
    JsonNode login =
        post(
            "/api/auth/login/",
            null,
            "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
    adminToken = login.path("tokens").path("access").asString();
    String orgId = claims(adminToken).path("org_id").asString();
    roomyDay();
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

  /** 5-minute slots of capacity 100 every day from 00:00 to 23:55, no notice: room for the run. */
  private void roomyDay() {
    JsonNode current = get("/api/v1/bookings/settings/");
    previousSettings = current;
    ObjectNode wanted = JSON.createObjectNode();
    wanted.put("time_zone", current.path("time_zone").asString());
    ObjectNode hours = wanted.putObject("working_hours");
    for (String weekday : current.path("working_hours").propertyNames()) {
      hours.putObject(weekday).put("start", "00:00").put("end", "23:55");
    }
    wanted.putArray("off_days");
    wanted.put("slot_minutes", 5);
    wanted.put("capacity", 100);
    wanted.put("min_notice_minutes", 0);
    wanted.put("max_days_ahead", 30);
    if (current.path("date_order").isString()) {
      wanted.put("date_order", current.path("date_order").asString());
    }
    put("/api/v1/bookings/settings/", wanted.toString(), current.path("version").asLong());
  }

  @Override
  public void after() {
    // the last messages are at most a few seconds behind their answers
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline && !allArrived()) {
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    listeners.forEach(StompListener::close);
    restoreSettings();

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

  private void restoreSettings() {
    if (previousSettings == null) {
      return;
    }
    JsonNode now = get("/api/v1/bookings/settings/");
    ObjectNode back = (ObjectNode) previousSettings.deepCopy();
    back.remove("version");
    back.remove("updated_at");
    if (!back.path("date_order").isString()) {
      back.remove("date_order"); // null: the organisation's own order
    }
    put("/api/v1/bookings/settings/", back.toString(), now.path("version").asLong());
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

  private static JsonNode claims(String jwt) {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  private JsonNode get(String path) {
    return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path)).GET(), 200);
  }

  private JsonNode post(String path, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gatewayUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(request, 200);
  }

  private void put(String path, String body, long version) {
    send(
        HttpRequest.newBuilder(URI.create(gatewayUrl + path))
            .header("Content-Type", "application/json")
            .header("If-Match", "\"" + version + "\"")
            .PUT(HttpRequest.BodyPublishers.ofString(body)),
        200);
  }

  private JsonNode send(HttpRequest.Builder request, int expected) {
    if (adminToken != null) {
      request.header("Authorization", "Bearer " + adminToken);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            request.build().method()
                + " "
                + request.build().uri()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("No gateway at " + gatewayUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
