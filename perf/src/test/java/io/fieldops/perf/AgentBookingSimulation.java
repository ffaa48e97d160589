package io.fieldops.perf;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seed 001's public agent booking through the gateway (issue 5):
 *
 * <ol>
 *   <li>distinct slots: {@code perf.loginUsers} (16) agents each booking in a loop for {@code
 *       perf.duration}, every booking a new phone on a slot of its own: bookings/s, p50, p99 and
 *       the share of errors (must be 0);
 *   <li>one contended slot: the same number of agents at once on one slot: exactly one 201, the
 *       rest {@code This time slot is already reserved}.
 * </ol>
 *
 * Every run books into an organisation of its own (issue 15), founded before the load and open
 * every day all day in 5-minute slots of capacity 1: no slot was ever booked by anyone else, so
 * "already reserved" can only come from the contended slot. Needs the gateway's agent-booking limit
 * lifted (see perf/README.md).
 */
public class AgentBookingSimulation extends Simulation {

  private static final int SLOT_MINUTES = 5;

  private final String gatewayUrl = Perf.setting("perf.gatewayUrl", "http://localhost:8080");
  private final int agents = Integer.parseInt(Perf.setting("perf.loginUsers", "16"));
  private final Duration warmup = Duration.parse("PT" + Perf.setting("perf.warmup", "5s"));
  private final Duration duration = Duration.parse("PT" + Perf.setting("perf.duration", "20s"));

  private final GatewayApi api = new GatewayApi(gatewayUrl);
  private final AtomicInteger counter = new AtomicInteger();
  // phones from a random prefix, so most are new users (an earlier run's phone is simply found)
  private final String phonePrefix =
      String.format(Locale.ROOT, "09%02d", (int) (Math.random() * 100));
  // the contended slot's day first, the distinct slots from the next day on: they never meet
  private final LocalDate contendedDay = Perf.firstBookingDay();
  private final LocalDate firstDay = contendedDay.plusDays(1);
  private GatewayApi.RunOrganisation organisation; // founded in before()
  private final LatencyRecorder distinct = new LatencyRecorder();
  private final AtomicInteger distinctErrors = new AtomicInteger();
  private final Map<Integer, AtomicInteger> contendedStatuses = new ConcurrentHashMap<>();
  private final AtomicInteger contendedReserved = new AtomicInteger();

  private final HttpProtocolBuilder protocol = Perf.jsonProtocol();

  {
    setUp(
            loop("warmup", warmup, null)
                .injectOpen(atOnceUsers(agents))
                .andThen(loop("distinct slots", duration, distinct).injectOpen(atOnceUsers(agents)))
                .andThen(contended().injectOpen(atOnceUsers(agents))))
        .protocols(protocol);
  }

  private Session nextSlot(Session session) {
    int n = counter.getAndIncrement();
    LocalDateTime slot = Perf.slot(firstDay, SLOT_MINUTES, 1, n);
    return session
        .set("organization", organisation.id())
        .set("phone", phonePrefix + String.format(Locale.ROOT, "%06d", n))
        .set("date", slot.toLocalDate().toString())
        .set("time", slot.toLocalTime().toString());
  }

  /** Seed 001's request, into this run's organisation ({@code organization}: its id). */
  private static String body() {
    return "{\"organization\": \"#{organization}\", \"phone\": \"#{phone}\","
        + " \"first_name\": \"Perf\", \"last_name\": \"Agent\","
        + " \"service_name\": \"Throughput check\", \"booking_date\": \"#{date}\","
        + " \"booking_time\": \"#{time}\"}";
  }

  private ScenarioBuilder loop(String name, Duration time, LatencyRecorder recorder) {
    var booking =
        exec(this::nextSlot)
            .exec(
                http(name)
                    .post(gatewayUrl + "/api/agent/booking/create/")
                    .body(StringBody(body()))
                    .check(status().is(201), responseTimeInMillis().saveAs("responseTime")))
            .exec(
                session -> {
                  if (recorder != null) {
                    if (session.isFailed()) {
                      distinctErrors.incrementAndGet();
                    } else {
                      recorder.record(session.getLong("responseTime"));
                    }
                  }
                  return session.markAsSucceeded();
                });
    return scenario(name).during(time).on(booking);
  }

  /** Everyone at once on one slot; each answer is counted by status and message. */
  private ScenarioBuilder contended() {
    return scenario("one contended slot")
        .exec(
            session ->
                session
                    .set("organization", organisation.id())
                    .set(
                        "phone",
                        phonePrefix + String.format(Locale.ROOT, "9%05d", session.userId()))
                    .set("date", contendedDay.toString())
                    .set("time", "12:00"))
        .exec(
            http("contended slot")
                .post(gatewayUrl + "/api/agent/booking/create/")
                .body(StringBody(body()))
                .check(
                    status().saveAs("status"), jsonPath("$.message").optional().saveAs("message")))
        .exec(
            session -> {
              contendedStatuses
                  .computeIfAbsent(session.getInt("status"), k -> new AtomicInteger())
                  .incrementAndGet();
              if ("This time slot is already reserved".equals(session.getString("message"))) {
                contendedReserved.incrementAndGet();
              }
              return session;
            });
  }

  /** Founds this run's organisation and opens it for bookings; fails fast when either fails. */
  @Override
  public void before() {
    organisation = api.foundOrganisation("agent booking");
    api.openAllDayEveryDay(SLOT_MINUTES, 1);
    System.out.printf(
        Locale.ROOT,
        "booking into %s (%s), founded for this run; distinct slots from %s, contended %s 12:00%n",
        organisation.name(),
        organisation.id(),
        firstDay,
        contendedDay);
  }

  @Override
  public void after() {
    LatencyRecorder.Summary s = distinct.summary();
    long total = s.requests() + distinctErrors.get();
    System.out.println(
        String.join(
            System.lineSeparator(),
            "",
            String.format(
                Locale.ROOT,
                "==== fieldops agent booking through the gateway: %d concurrent agents",
                agents),
            String.format(
                Locale.ROOT,
                "distinct slots, %d s: %d bookings, %.1f bookings/s, p50 %d ms, p99 %d ms, errors %d"
                    + " (%.2f %%)",
                duration.toSeconds(),
                s.requests(),
                s.perSecond(),
                s.p50Millis(),
                s.p99Millis(),
                distinctErrors.get(),
                total == 0 ? 0.0 : 100.0 * distinctErrors.get() / total),
            String.format(
                Locale.ROOT,
                "one contended slot: %s (201 = booked; 422 \"This time slot is already reserved\": %d)",
                contendedStatuses,
                contendedReserved.get()),
            ""));
  }
}
