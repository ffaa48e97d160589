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
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seed 003's master API through the gateway at the seed's own path (issue 14), as the demo admin:
 * {@code perf.loginUsers} (16) clients in a loop for {@code perf.duration} after {@code
 * perf.warmup}, half of them creating tickets with seed 003's full example body (a new company,
 * site, contact and appointment every time), half updating a ticket of their own (created first,
 * with the seed's minimal body), alternately its status alone and its status with its appointment.
 * Prints requests/s, p50, p99 and errors, in all and for each half. Every request must answer as
 * expected (201 with {@code data.id}, 200 with the status sent): a single failure fails the run.
 *
 * <p>It logs in as the demo admin ({@code perf.email} / {@code perf.password}) once, so the
 * gateway's limits need not be lifted (tickets have none). The admin is the assigner and the one
 * technician; the work type ({@code repair}) and statuses ({@code new}, {@code completed}) are the
 * organisation's own, read before the load. The tickets, companies, sites, contacts and
 * appointments stay in the demo organisation.
 */
public class TicketSimulation extends Simulation {

  /** The seed's path: the gateway rewrites it to {@code /api/v1/tickets/master}. */
  private static final String MASTER = "/functions/v1/api-tickets/master";

  private static final String WORK_TYPES = "/api/v1/tickets/work-types/";
  private static final String STATUSES = "/api/v1/tickets/statuses/";
  private static final String TICKET_ID = "ticketId";
  private static final String TAX_ID = "taxId";
  private static final String TURN = "turn";

  private final String gatewayUrl = Perf.gatewayUrl();
  private final int clients = Perf.count("perf.loginUsers", 16);
  private final Duration warmup = Perf.duration("perf.warmup", "5s");
  private final Duration duration = Perf.duration("perf.duration", "20s");

  private final GatewayApi api = new GatewayApi(gatewayUrl);
  // 13 digits from a random start, so no earlier run is likely to have used them (one that did
  // would find that run's company and still answer 201: the site name is new either way).
  private final AtomicLong nextTaxId =
      new AtomicLong(1_000_000_000_000L + (long) (Math.random() * 8_000_000_000_000L));
  // read in before(), after the scenarios are built: their requests read them each time
  private volatile String bearer;
  private volatile String adminId;
  private volatile String repair;
  private volatile String newStatus;
  private volatile String completed;

  private final LatencyRecorder all = new LatencyRecorder();
  private final LatencyRecorder creates = new LatencyRecorder();
  private final LatencyRecorder updates = new LatencyRecorder();

  private final HttpProtocolBuilder protocol = Perf.jsonProtocol();

  {
    if (clients < 2) {
      throw new IllegalArgumentException(
          "perf.loginUsers must be at least 2 (half creating tickets, half updating them)");
    }
    int creating = clients - clients / 2;
    int updating = clients / 2;
    // Both halves warm up and are then measured side by side; the warm-up's requests appear in
    // Gatling's report (and count for its assertion) but not in the summary printed at the end.
    setUp(
            createScenario("warmup master create", warmup)
                .injectOpen(atOnceUsers(creating))
                .andThen(
                    createScenario("master create", duration, all, creates)
                        .injectOpen(atOnceUsers(creating))),
            updateScenario("warmup master update", warmup)
                .injectOpen(atOnceUsers(updating))
                .andThen(
                    updateScenario("master update", duration, all, updates)
                        .injectOpen(atOnceUsers(updating))))
        .protocols(protocol)
        .assertions(global().failedRequests().count().is(0L));
  }

  private String newTaxId() {
    return String.format(Locale.ROOT, "%013d", nextTaxId.getAndIncrement());
  }

  /**
   * Seed 003's full "Example Request" with the organisation's ids, a new company ({@code taxId})
   * and a site named after it (so new as well), in 2027.
   */
  private String fullBody(String taxId) {
    return """
        {"ticket": {"details": "เครื่องปริ้นเตอร์เสีย ไม่สามารถพิมพ์เอกสารได้", "work_type_id": "%s",
                    "assigner_id": "%s", "status_id": "%s", "additional": "ต้องการช่างด่วน"},
         "company": {"tax_id": "%s", "name_th": "บริษัท ทดสอบ จำกัด",
                     "name_en": "Test Company Limited"},
         "site": {"name": "สำนักงานใหญ่ %s", "address_detail": "123 ถนนสุขุมวิท", "postal_code": 10110},
         "contact": {"person_name": "คุณสมชาย", "phone": ["0812345678"],
                     "email": ["somchai@test.com"]},
         "appointment": {"appointment_date": "2027-11-20", "appointment_time_start": "09:00:00",
                         "appointment_time_end": "12:00:00", "appointment_type": "scheduled"},
         "employee_ids": ["%s"]}
        """
        .formatted(repair, adminId, newStatus, taxId, taxId, adminId);
  }

  /** Seed 003's minimal create: a ticket and nothing else. */
  private String minimalBody() {
    return """
        {"ticket": {"work_type_id": "%s", "assigner_id": "%s", "status_id": "%s"}}
        """
        .formatted(repair, adminId, newStatus);
  }

  /** Even turns: the status alone, to completed; odd turns: back to new, with the appointment. */
  private String updateBody(int turn) {
    return turn % 2 == 0
        ? "{\"ticket\": {\"status_id\": \"%s\"}}".formatted(completed)
        : """
          {"ticket": {"status_id": "%s"},
           "appointment": {"appointment_date": "2027-11-22", "appointment_time_start": "10:00:00",
                           "appointment_time_end": "12:00:00"}}
          """
            .formatted(newStatus);
  }

  private static String statusCodeAfter(int turn) {
    return turn % 2 == 0 ? "completed" : "new";
  }

  private ScenarioBuilder createScenario(String name, Duration time, LatencyRecorder... recorders) {
    var create =
        exec((Session session) -> session.set(TAX_ID, newTaxId()))
            .exec(
                http("create, " + name)
                    .post(gatewayUrl + MASTER)
                    .header("Authorization", session -> bearer)
                    .body(StringBody(session -> fullBody(session.getString(TAX_ID))))
                    .check(
                        status().is(201),
                        jsonPath("$.data.id").exists(),
                        responseTimeInMillis().saveAs(LatencyRecorder.RESPONSE_TIME)))
            .exec(session -> LatencyRecorder.recordOutcome(session, recorders));
    return scenario(name).during(time).on(create);
  }

  /**
   * Each virtual user creates its ticket (not measured; a failure is an error and ends the user),
   * then updates it in a loop.
   */
  private ScenarioBuilder updateScenario(String name, Duration time, LatencyRecorder... recorders) {
    var update =
        exec(http("update, " + name)
                .put(gatewayUrl + MASTER + "/#{" + TICKET_ID + "}")
                .header("Authorization", session -> bearer)
                .body(StringBody(session -> updateBody(session.getInt(TURN))))
                .check(
                    status().is(200),
                    jsonPath("$.data.status.code")
                        .is(session -> statusCodeAfter(session.getInt(TURN))),
                    responseTimeInMillis().saveAs(LatencyRecorder.RESPONSE_TIME)))
            .exec(session -> LatencyRecorder.recordOutcome(session, recorders));
    return scenario(name)
        .exec(
            http("create the ticket to update, " + name)
                .post(gatewayUrl + MASTER)
                .header("Authorization", session -> bearer)
                .body(StringBody(session -> minimalBody()))
                .check(status().is(201), jsonPath("$.data.id").saveAs(TICKET_ID)))
        .exec(session -> LatencyRecorder.recordSetUpFailure(session, recorders))
        .exitHereIfFailed()
        .during(time, TURN)
        .on(update);
  }

  /**
   * Logs in, reads the organisation's work type and statuses, and creates one ticket with the full
   * body through the same endpoint: a stack that cannot create tickets stops the run at once with
   * the answer it gave.
   */
  @Override
  public void before() {
    bearer = "Bearer " + api.login();
    adminId = api.userId();
    repair = api.idOfCode(WORK_TYPES, "repair");
    newStatus = api.idOfCode(STATUSES, "new");
    completed = api.idOfCode(STATUSES, "completed");
    String probe = api.post(MASTER, fullBody(newTaxId()), 201).path("data").path("id").asString();
    System.out.printf(
        Locale.ROOT,
        "admin %s, work type repair %s, statuses new %s and completed %s; first ticket %s%n",
        adminId,
        repair,
        newStatus,
        completed,
        probe);
  }

  @Override
  public void after() {
    System.out.println(
        String.join(
            System.lineSeparator(),
            "",
            String.format(
                Locale.ROOT,
                "==== fieldops master tickets through the gateway: %d concurrent clients (%d"
                    + " creating, %d updating a ticket each), %d s",
                clients,
                clients - clients / 2,
                clients / 2,
                duration.toSeconds()),
            "all:    " + all.summary().describe("requests"),
            "create: " + creates.summary().describe("creates"),
            "update: " + updates.summary().describe("updates"),
            ""));
  }
}
