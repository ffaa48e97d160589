package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.systemtests.fuzz.ApiFuzzer;
import io.fieldops.systemtests.fuzz.DatabaseSnapshot;
import io.fieldops.systemtests.fuzz.FuzzReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Every operation of every service, as its OpenAPI document publishes it, sent bad requests through
 * the gateway (fuzz/BadRequests: missing, extra, mistyped, out-of-range and malformed members and
 * parameters, bodies that are not JSON or too deep or too big, no token or a forged one). Never a
 * 5xx, always problem+json, nothing about the implementation in any answer, every request that
 * breaks the contract refused, and every database exactly as it was.
 *
 * <p>A fixed seed and {@code fuzz.requests-per-service} requests per service (500 here; {@code
 * perf/run-limits} sends 10 000): the same requests every run, so a finding is reproducible.
 */
class ApiFuzzIT extends SystemTest {

  static final long SEED = Long.getLong("fuzz.seed", 20_261_202L);
  static final int REQUESTS_PER_SERVICE = Integer.getInteger("fuzz.requests-per-service", 500);

  @Test
  void noBadRequestGetsA5xxALeakOrAChange() throws Exception {
    FoundedOrganisation fuzzers = foundOrganisation("Fuzz " + SEED);
    // an organisation's first use of tickets creates its default work types and statuses, by
    // design; done here so that the database is the same after every refused request
    assertThat(
            gateway()
                .get("/api/v1/tickets/statuses/", "Authorization", "Bearer " + fuzzers.adminToken())
                .status())
        .isEqualTo(200);
    DatabaseSnapshot before = settled(stack()::jdbcUrl);

    FuzzReport report =
        new ApiFuzzer(gateway()).run(fuzzers.adminToken(), REQUESTS_PER_SERVICE, SEED);
    System.out.printf(
        "ApiFuzzIT: %d bad requests (seed %d)%n%s", report.requests(), SEED, report.table());

    List<String> findings = report.findings();
    assertThat(findings)
        .as("%d findings, the first: %s", findings.size(), findings.stream().limit(40).toList())
        .isEmpty();
    assertThat(report.requests()).isGreaterThanOrEqualTo(REQUESTS_PER_SERVICE * 6);
    // a refused request leaves nothing behind; the last answers' effects would show within seconds
    assertThat(DatabaseSnapshot.of(stack()::jdbcUrl).changedSince(before)).isEmpty();
  }

  /**
   * The databases once nothing has changed in them for two seconds: founding the organisation sets
   * off events that other services apply a moment later.
   */
  static DatabaseSnapshot settled(java.util.function.Function<String, String> jdbcUrl) {
    AtomicReference<DatabaseSnapshot> last = new AtomicReference<>(DatabaseSnapshot.of(jdbcUrl));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ofSeconds(2))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              DatabaseSnapshot now = DatabaseSnapshot.of(jdbcUrl);
              return now.equals(last.getAndSet(now));
            });
    return last.get();
  }
}
