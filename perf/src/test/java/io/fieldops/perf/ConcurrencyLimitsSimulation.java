package io.fieldops.perf;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 16's concurrency limits, long version, through the gateway into an organisation of the
 * run's own:
 *
 * <ol>
 *   <li>a warm-up: each of the {@code perf.clients} (64) agents, started over 30 s, makes {@code
 *       perf.warmUpBookings} (3) bookings on a day of their own. The stack has just started: its
 *       JIT is cold, and 64 agents at once on a cold stack of two cores took auth-service past
 *       booking-service's 3 s limit, so the breaker shed a fifth of the attempts with 503 (a
 *       measurement of start-up, not of the limits). The warm-up's answers are printed, not judged;
 *   <li>{@code perf.attempts} (10 000) agent bookings spread over {@code perf.slots} (100) slots of
 *       capacity {@code perf.capacity} (2), sent by {@code perf.clients} (64) agents at once, each
 *       agent with a phone of its own: exactly slots × capacity are booked, every other answer is
 *       422 with seed 001's {@code This time slot is already reserved}, and the database (read with
 *       {@code perf.jdbcUrl}) holds no slot with more bookings than its capacity. An answer 503
 *       ("please try again shortly": auth-service past its 3 s limit as the 64 agents start at
 *       once; see perf/README.md) is tried again with the same {@code Idempotency-Key} after the
 *       answer's {@code Retry-After} (the time booking-service's breaker has left), as a careful
 *       client would, up to five tries; the retries are printed;
 *   <li>{@code perf.duplicates} (50) identical agent bookings with one {@code Idempotency-Key}, all
 *       at once: one booking in the database, and every answer the same status and body.
 * </ol>
 *
 * It prints what was tried and what held, and fails (exception in {@code after}) when anything did
 * not. Needs the gateway's agent-booking limit lifted (see perf/README.md).
 */
public class ConcurrencyLimitsSimulation extends Simulation {

  private static final int SLOT_MINUTES = 5;
  private static final String RESERVED = "This time slot is already reserved";
  private static final int MAX_TRIES = 5;

  private final String gatewayUrl = Perf.gatewayUrl();
  private final int attempts = Perf.count("perf.attempts", 10_000);
  private final int slots = Perf.count("perf.slots", 100);
  private final int capacity = Perf.count("perf.capacity", 2);
  private final int clients = Perf.count("perf.clients", 64);
  private final int duplicates = Perf.count("perf.duplicates", 50);
  private final int warmUpBookings = Perf.count("perf.warmUpBookings", 3);
  private final String jdbcUrl =
      Perf.setting("perf.jdbcUrl", "jdbc:postgresql://localhost:15432/booking");
  private final String jdbcUser = Perf.setting("perf.jdbcUser", "postgres");
  private final String jdbcPassword = Perf.setting("perf.jdbcPassword", "postgres");

  private final GatewayApi api = new GatewayApi(gatewayUrl);
  private final LocalDate firstDay = Perf.firstBookingDay();
  // the duplicates book the day after the contended slots: they never meet
  private final LocalDateTime duplicateSlot =
      Perf.slot(firstDay, SLOT_MINUTES, 1, 0).plusDays(1).withHour(12);
  private final String phonePrefix =
      String.format(Locale.ROOT, "08%02d", (int) (Math.random() * 100));
  private final long run = System.nanoTime();
  private final String idempotencyKey = "perf-duplicates-" + run;
  private final AtomicInteger attempt = new AtomicInteger();
  private final AtomicInteger warmUpBooking = new AtomicInteger();
  // each scenario numbers its agents from 0, so an agent books with one phone in both
  private final AtomicInteger warmUpAgent = new AtomicInteger();
  private final AtomicInteger contendingAgent = new AtomicInteger();
  private final Map<String, AtomicInteger> warmUpAnswers = new ConcurrentHashMap<>();
  private final AtomicInteger retried503 = new AtomicInteger();
  private GatewayApi.RunOrganisation organisation;

  private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> bookedPerSlot = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> duplicateAnswers = new ConcurrentLinkedQueue<>();

  {
    setUp(
            warmUp()
                .injectOpen(rampUsers(clients).during(Duration.ofSeconds(30)))
                .andThen(contendedSlots().injectOpen(atOnceUsers(clients)))
                .andThen(duplicates().injectOpen(atOnceUsers(duplicates))))
        .protocols(Perf.jsonProtocol());
  }

  private static String body() {
    return "{\"organization\": \"#{organization}\", \"phone\": \"#{phone}\","
        + " \"first_name\": \"Perf\", \"last_name\": \"Limits\","
        + " \"service_name\": \"Concurrency limits\", \"booking_date\": \"#{date}\","
        + " \"booking_time\": \"#{time}\"}";
  }

  /** Attempt n goes to slot n % slots, so every slot is asked for attempts / slots times. */
  private Session nextAttempt(Session session) {
    int n = attempt.getAndIncrement();
    int slot = n % slots;
    LocalDateTime at = Perf.slot(firstDay, SLOT_MINUTES, 1, slot);
    return session
        .set("n", n)
        .set("slot", slot)
        .set("tries", 0)
        .set("key", "perf-attempt-" + run + "-" + n)
        .set("organization", organisation.id())
        .set("date", at.toLocalDate().toString())
        .set("time", at.toLocalTime().toString());
  }

  /**
   * The first try of an attempt, or another after a 503 that says when (Retry-After) while tries
   * are left.
   */
  private boolean triesAgain(Session session) {
    int tries = session.getInt("tries");
    return tries == 0
        || tries < MAX_TRIES
            && session.contains("status")
            && session.getInt("status") == 503
            && session.contains("retryAfter");
  }

  private Session agent(Session session, AtomicInteger agents) {
    return session.set(
        "phone", phonePrefix + String.format(Locale.ROOT, "%06d", agents.getAndIncrement()));
  }

  /** Each agent's first bookings, on a day two days after the contended one: JIT and users warm. */
  private ScenarioBuilder warmUp() {
    LocalDate day = firstDay.plusDays(2);
    return scenario("warm-up")
        .exec(session -> agent(session, warmUpAgent))
        .repeat(warmUpBookings)
        .on(
            exec(session -> {
                  LocalDateTime at =
                      Perf.slot(day, SLOT_MINUTES, 1, warmUpBooking.getAndIncrement());
                  return session
                      .set("organization", organisation.id())
                      .set("date", at.toLocalDate().toString())
                      .set("time", at.toLocalTime().toString());
                })
                .exec(
                    http("warm-up")
                        .post(gatewayUrl + "/api/agent/booking/create/")
                        .body(StringBody(body()))
                        .check(status().saveAs("status")))
                .exec(
                    session -> {
                      count(warmUpAnswers, String.valueOf(session.getInt("status")));
                      return session.markAsSucceeded();
                    }));
  }

  private ScenarioBuilder contendedSlots() {
    var booking =
        exec(this::nextAttempt)
            // a 503 says "please try again shortly" and its Retry-After when: the agent waits that
            // long and tries again, like a careful client; the retries are counted and printed
            .asLongAs(this::triesAgain)
            .on(
                doIf(session -> session.getInt("tries") > 0)
                    .then(
                        exec(session -> {
                              retried503.incrementAndGet();
                              return session;
                            })
                            .pause(session -> Duration.ofSeconds(session.getInt("retryAfter")))),
                exec(
                    session ->
                        session
                            .remove("message")
                            .remove("status")
                            .remove("retryAfter")
                            .set("tries", session.getInt("tries") + 1)),
                exec(
                    http("attempt")
                        .post(gatewayUrl + "/api/agent/booking/create/")
                        .header("Idempotency-Key", "#{key}")
                        .body(StringBody(body()))
                        .check(
                            status().saveAs("status"),
                            header("Retry-After").optional().saveAs("retryAfter"),
                            jsonPath("$.message").optional().saveAs("message"))))
            .exec(
                session -> {
                  int status = session.contains("status") ? session.getInt("status") : 0;
                  String message = session.contains("message") ? session.getString("message") : "";
                  String answer = status == 422 && RESERVED.equals(message) ? "422 reserved" : "";
                  answer = status == 201 ? "201" : answer;
                  if (answer.isEmpty()) {
                    answer = status + " " + message;
                  }
                  count(answers, answer);
                  if (status == 201) {
                    bookedPerSlot
                        .computeIfAbsent(session.getInt("slot"), k -> new AtomicInteger())
                        .incrementAndGet();
                  }
                  return session.markAsSucceeded();
                });
    return scenario("contended slots")
        .exec(session -> agent(session, contendingAgent))
        .asLongAs(session -> attempt.get() < attempts)
        .on(booking);
  }

  private ScenarioBuilder duplicates() {
    return scenario("one idempotency key")
        .exec(
            session ->
                session
                    .set("organization", organisation.id())
                    .set("phone", phonePrefix + "999999")
                    .set("date", duplicateSlot.toLocalDate().toString())
                    .set("time", duplicateSlot.toLocalTime().toString()))
        .exec(
            http("duplicate")
                .post(gatewayUrl + "/api/agent/booking/create/")
                .header("Idempotency-Key", idempotencyKey)
                .body(StringBody(body()))
                .check(status().saveAs("status"), bodyString().saveAs("body")))
        .exec(
            session -> {
              duplicateAnswers.add(session.getInt("status") + " " + session.getString("body"));
              return session.markAsSucceeded();
            });
  }

  @Override
  public void before() {
    organisation = api.foundOrganisation("concurrency limits");
    api.openAllDayEveryDay(SLOT_MINUTES, capacity);
    System.out.printf(
        Locale.ROOT,
        "booking into %s (%s): %d attempts over %d slots of capacity %d from %s, %d agents;"
            + " %d duplicates on %s%n",
        organisation.name(),
        organisation.id(),
        attempts,
        slots,
        capacity,
        firstDay,
        clients,
        duplicates,
        duplicateSlot);
  }

  @Override
  public void after() {
    Map<String, Long> stored = storedBookings();
    long overfull = stored.getOrDefault("overfull slots", -1L);
    long booked = answers.getOrDefault("201", new AtomicInteger()).get();
    long reserved = answers.getOrDefault("422 reserved", new AtomicInteger()).get();
    long other = attempt.get() - booked - reserved;
    Set<String> distinctDuplicates = Set.copyOf(duplicateAnswers);
    List<String[]> rows = new ArrayList<>();
    rows.add(
        row(
            "bookings answered 201",
            (long) slots * capacity + " (slots x capacity)",
            booked,
            booked == (long) slots * capacity));
    rows.add(
        row(
            "bookings stored",
            booked + " (as answered)",
            stored.getOrDefault("stored", -1L),
            stored.getOrDefault("stored", -1L) == booked));
    rows.add(row("slots over capacity (database)", "0", overfull, overfull == 0));
    rows.add(
        row(
            "refusals with the seed's text",
            attempt.get() - booked + " (all others)",
            reserved,
            other == 0));
    rows.add(
        row(
            "duplicates: bookings stored",
            "1",
            stored.getOrDefault("duplicates", -1L),
            stored.getOrDefault("duplicates", -1L) == 1));
    rows.add(
        row(
            "duplicates: distinct answers",
            "1 (" + duplicates + " identical)",
            distinctDuplicates.size(),
            distinctDuplicates.size() == 1 && duplicateAnswers.size() == duplicates));
    StringBuilder out = new StringBuilder();
    out.append(System.lineSeparator())
        .append(
            String.format(
                Locale.ROOT,
                "==== fieldops concurrency limits: %d attempts, %d slots x %d, %d agents;"
                    + " %d duplicates%n",
                attempt.get(),
                slots,
                capacity,
                clients,
                duplicates))
        .append(
            String.format(Locale.ROOT, "%-32s %-26s %-10s %s%n", "", "expected", "got", "held"));
    rows.forEach(
        r -> out.append(String.format(Locale.ROOT, "%-32s %-26s %-10s %s%n", (Object[]) r)));
    out.append("answers: ").append(new TreeMap<>(answers)).append(System.lineSeparator());
    out.append(
            String.format(
                Locale.ROOT,
                "503 answers tried again after their Retry-After (up to %d tries an attempt): %d%n",
                MAX_TRIES,
                retried503.get()))
        .append("warm-up answers (not judged): ")
        .append(new TreeMap<>(warmUpAnswers))
        .append(System.lineSeparator());
    System.out.println(out);
    if (rows.stream().anyMatch(r -> !r[3].equals("yes"))) {
      throw new IllegalStateException("A concurrency limit did not hold: see the table above");
    }
  }

  private static void count(Map<String, AtomicInteger> answers, String answer) {
    answers.computeIfAbsent(answer, k -> new AtomicInteger()).incrementAndGet();
  }

  private static String[] row(String what, String expected, long got, boolean held) {
    return new String[] {what, expected, Long.toString(got), held ? "yes" : "NO"};
  }

  /** What the booking database holds for this run's organisation. */
  private Map<String, Long> storedBookings() {
    Map<String, Long> found = new TreeMap<>();
    try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
      found.put(
          "stored",
          count(
              db,
              "select count(*) from booking where org_id = ?::uuid and status = 'upcoming'"
                  + " and service_name = 'Concurrency limits' and booking_date < ?",
              duplicateSlot.toLocalDate()));
      found.put(
          "overfull slots",
          count(
              db,
              "select count(*) from (select starts_at from booking where org_id = ?::uuid"
                  + " and status = 'upcoming' and booking_date < ? group by starts_at"
                  + " having count(*) > "
                  + capacity
                  + ") as overfull",
              duplicateSlot.toLocalDate()));
      found.put(
          "duplicates",
          count(
              db,
              "select count(*) from booking where org_id = ?::uuid and booking_date = ?",
              duplicateSlot.toLocalDate()));
    } catch (SQLException e) {
      System.out.println("could not read the booking database at " + jdbcUrl + ": " + e);
    }
    return found;
  }

  private long count(Connection db, String sql, LocalDate date) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, organisation.id());
      statement.setObject(2, date);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }
}
