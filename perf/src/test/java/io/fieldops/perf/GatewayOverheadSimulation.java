package io.fieldops.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Locale;

/**
 * What the gateway costs: the same GET (by default auth-service's JWKS, public and cheap, so the
 * gateway's share dominates) first directly to the service, then through the gateway, each by the
 * same number of concurrent users looping for the same time. Prints throughput and p50/p99 of both
 * and the gateway/direct ratios.
 *
 * <p>A path that needs a user (e.g. customer-service's {@code /api/v1/customers/profile/}) is sent
 * with a bearer token: {@code perf.token} as given, or with {@code perf.login=true} one login
 * through the gateway as {@code perf.email} / {@code perf.password} before the run. Both targets
 * then check the same token, so the comparison includes the gateway's own token check.
 *
 * <p>Run against a running stack (./devstack): see perf/README.md. Settings are system properties
 * ({@code -Dperf.users=16} etc., defaults in perf/pom.xml).
 */
public class GatewayOverheadSimulation extends Simulation {

  private final String gatewayUrl = Perf.setting("perf.gatewayUrl", "http://localhost:8080");
  private final String directUrl = Perf.setting("perf.directUrl", "http://localhost:8001");
  private final String path = Perf.setting("perf.path", "/.well-known/jwks.json");
  private final int users = Integer.parseInt(Perf.setting("perf.users", "8"));
  private final Duration warmup = Duration.parse("PT" + Perf.setting("perf.warmup", "5s"));
  private final Duration duration = Duration.parse("PT" + Perf.setting("perf.duration", "20s"));
  private final String token = Perf.setting("perf.token", "");
  private final boolean login = Boolean.parseBoolean(Perf.setting("perf.login", "false"));
  private final boolean withToken = login || !token.isEmpty();
  private volatile String bearer; // set in before(), read by every request

  private final LatencyRecorder direct = new LatencyRecorder();
  private final LatencyRecorder gateway = new LatencyRecorder();

  // Connections are kept alive per virtual user, as a browser or a service client would; no HTTP
  // caching, or every repeat would be a cheap 304 instead of the real answer.
  private final HttpProtocolBuilder protocol =
      http.acceptHeader("application/json").userAgentHeader("fieldops-perf").disableCaching();

  {
    setUp(
            // Warm both JVMs (JIT, connection pools) before anything is measured; the warm-up's
            // requests appear in Gatling's report but not in the comparison printed at the end.
            loop("warmup-direct", directUrl, warmup, null)
                .injectOpen(atOnceUsers(users))
                .andThen(
                    loop("warmup-gateway", gatewayUrl, warmup, null).injectOpen(atOnceUsers(users)))
                .andThen(loop("direct", directUrl, duration, direct).injectOpen(atOnceUsers(users)))
                .andThen(
                    loop("gateway", gatewayUrl, duration, gateway).injectOpen(atOnceUsers(users))))
        .protocols(protocol)
        .assertions(global().failedRequests().percent().lt(1.0));
  }

  private ScenarioBuilder loop(
      String name, String baseUrl, Duration time, LatencyRecorder recorder) {
    var get = http(name).get(baseUrl + path);
    if (withToken) {
      get = get.header("Authorization", session -> bearer);
    }
    var request = exec(get.check(status().is(200), responseTimeInMillis().saveAs("responseTime")));
    var measured =
        recorder == null
            ? request
            : request.exec(
                session -> {
                  if (!session.isFailed()) {
                    recorder.record(session.getLong("responseTime"));
                  }
                  return session;
                });
    return scenario(name).during(time).on(measured);
  }

  /** The token, when the path needs one: an access token lives 15 minutes, the run far less. */
  @Override
  public void before() {
    if (!token.isEmpty()) {
      bearer = "Bearer " + token;
    } else if (login) {
      bearer = "Bearer " + new GatewayApi(gatewayUrl).login();
    }
  }

  @Override
  public void after() {
    LatencyRecorder.Summary d = direct.summary();
    LatencyRecorder.Summary g = gateway.summary();
    String table =
        String.join(
            System.lineSeparator(),
            "",
            "==== fieldops gateway overhead: GET "
                + path
                + (withToken ? " with a bearer token" : "")
                + ", "
                + users
                + " users, "
                + duration.toSeconds()
                + " s each",
            String.format(
                Locale.ROOT,
                "%-9s %-30s %9s %10s %8s %8s",
                "target",
                "url",
                "requests",
                "req/s",
                "p50 ms",
                "p99 ms"),
            row("direct", directUrl, d),
            row("gateway", gatewayUrl, g),
            String.format(
                Locale.ROOT,
                "gateway/direct: throughput %.2fx, p50 %s, p99 %s",
                d.perSecond() == 0 ? 0 : g.perSecond() / d.perSecond(),
                ratio(g.p50Millis(), d.p50Millis()),
                ratio(g.p99Millis(), d.p99Millis())),
            "");
    System.out.println(table);
  }

  private static String row(String target, String url, LatencyRecorder.Summary s) {
    return String.format(
        Locale.ROOT,
        "%-9s %-30s %9d %10.1f %8d %8d",
        target,
        url,
        s.requests(),
        s.perSecond(),
        s.p50Millis(),
        s.p99Millis());
  }

  // Gatling measures in whole milliseconds: below 1 ms both sides read 0 and no ratio exists.
  private static String ratio(long gatewayMillis, long directMillis) {
    return directMillis == 0
        ? "n/a (direct < 1 ms; gateway " + gatewayMillis + " ms)"
        : String.format(Locale.ROOT, "%.2fx", (double) gatewayMillis / directMillis);
  }
}
