package io.fieldops.perf;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seed 000's job card create through the gateway (issue 13), as a staff member with {@code
 * client_data}: {@code perf.loginUsers} (16) clients in a loop for {@code perf.duration} after
 * {@code perf.warmup}, half of them with a new mobile every time (customer-service creates the
 * client: {@code client_created} true), half with the mobiles of a small pool that exists before
 * the run ({@code perf.mobilePool}, 16; the client is found: {@code client_created} false). Prints
 * creates/s, p50, p99 and errors, in all and for each half. Every request must answer 201 with the
 * expected {@code client_created}: a single failure fails the run.
 *
 * <p>It logs in as the demo admin ({@code perf.email} / {@code perf.password}) once, so the
 * gateway's limits need not be lifted (job card creates have none). The job cards and clients stay
 * in the demo organisation.
 */
public class JobCardSimulation extends Simulation {

  private static final String JOBCARDS = "/api/v1/jobcards/";

  private final String gatewayUrl = Perf.gatewayUrl();
  private final int clients = Perf.count("perf.loginUsers", 16);
  private final int poolSize = Perf.count("perf.mobilePool", 16);
  private final Duration warmup = Perf.duration("perf.warmup", "5s");
  private final Duration duration = Perf.duration("perf.duration", "20s");

  private final GatewayApi api = new GatewayApi(gatewayUrl);
  // "09" and 8 digits, from a random start so no earlier run used them (a clash would show as an
  // error: client_created false). The 8 digits are never PP0xxxxx or PP9xxxxx, the phones
  // AgentBookingSimulation books in the same organisation.
  private final AtomicLong nextMobile =
      new AtomicLong(
          (long) (Math.random() * 100) * 1_000_000 + 100_000 + (long) (Math.random() * 600_000));
  private final List<String> pool = new CopyOnWriteArrayList<>();
  private final AtomicInteger poolTurn = new AtomicInteger();
  private volatile String bearer;

  private final LatencyRecorder all = new LatencyRecorder();
  private final LatencyRecorder newMobiles = new LatencyRecorder();
  private final LatencyRecorder poolMobiles = new LatencyRecorder();

  private final HttpProtocolBuilder protocol = Perf.jsonProtocol();

  {
    if (clients < 2) {
      throw new IllegalArgumentException(
          "perf.loginUsers must be at least 2 (half new mobiles, half the pool's)");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("perf.mobilePool must be at least 1");
    }
    int withNew = clients - clients / 2;
    int withPool = clients / 2;
    // Both halves warm up and are then measured side by side; the warm-up's requests appear in
    // Gatling's report (and count for its assertion) but not in the summary printed at the end.
    setUp(
            loop("warmup new mobile", true, warmup)
                .injectOpen(atOnceUsers(withNew))
                .andThen(
                    loop("new mobile", true, duration, all, newMobiles)
                        .injectOpen(atOnceUsers(withNew))),
            loop("warmup existing mobile", false, warmup)
                .injectOpen(atOnceUsers(withPool))
                .andThen(
                    loop("existing mobile", false, duration, all, poolMobiles)
                        .injectOpen(atOnceUsers(withPool))))
        .protocols(protocol)
        .assertions(global().failedRequests().count().is(0L));
  }

  private String newMobile() {
    return String.format(Locale.ROOT, "09%08d", nextMobile.getAndIncrement());
  }

  /** Seed 000's second mode: the client by {@code client_data}, found or created by mobile. */
  private static String body(String mobile) {
    return "{\"client_data\": {\"full_name\": \"John Doe\", \"mobile\": \""
        + mobile
        + "\", \"city\": \"Mumbai\", \"address\": \"123 Main Street\"},"
        + " \"service_type\": \"Pest Control Service\", \"schedule_date\": \"2027-01-15\","
        + " \"technician_name\": \"Jane Smith\", \"price\": \"500\", \"job_type\": \"Customer\","
        + " \"reference\": \"Google\"}";
  }

  private ScenarioBuilder loop(
      String name, boolean newClient, Duration time, LatencyRecorder... recorders) {
    var create =
        exec((Session session) ->
                session.set(
                    "mobile",
                    newClient ? newMobile() : pool.get(poolTurn.getAndIncrement() % poolSize)))
            .exec(
                http("create, " + name)
                    .post(gatewayUrl + JOBCARDS)
                    .header("Authorization", session -> bearer)
                    .body(StringBody(body("#{mobile}")))
                    .check(
                        status().is(201),
                        jsonPath("$.client_created").ofBoolean().is(newClient),
                        responseTimeInMillis().saveAs(LatencyRecorder.RESPONSE_TIME)))
            .exec(session -> LatencyRecorder.recordOutcome(session, recorders));
    return scenario(name).during(time).on(create);
  }

  /** Logs in and creates the pool's clients (one job card each); fails fast when that fails. */
  @Override
  public void before() {
    bearer = "Bearer " + api.login();
    for (int i = 0; i < poolSize; i++) {
      String mobile = newMobile();
      api.post(JOBCARDS, body(mobile), 201);
      pool.add(mobile);
    }
    System.out.printf(
        Locale.ROOT,
        "%d pool mobiles created (%s to %s)%n",
        pool.size(),
        pool.getFirst(),
        pool.getLast());
  }

  @Override
  public void after() {
    System.out.println(
        String.join(
            System.lineSeparator(),
            "",
            String.format(
                Locale.ROOT,
                "==== fieldops job card create through the gateway: %d concurrent clients (%d new"
                    + " mobiles, %d of a pool of %d), %d s",
                clients,
                clients - clients / 2,
                clients / 2,
                poolSize,
                duration.toSeconds()),
            "all:             " + all.summary().describe("creates"),
            "new mobile:      " + newMobiles.summary().describe("creates"),
            "existing mobile: " + poolMobiles.summary().describe("creates"),
            ""));
  }
}
