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
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Logins through the gateway: {@code perf.loginUsers} (16) concurrent clients, each posting seed
 * 002's login body in a loop on a kept-alive connection, after a warm-up. Prints logins per second
 * and p50/p99. Almost all of a login's cost is the password hash (bcrypt, see auth-service's
 * README), so on a given machine this measures how many cores auth-service has for hashing.
 *
 * <p>The gateway allows 10 logins a minute per address; lift that for the run (see perf/README.md)
 * or every request after the tenth answers 429, which {@link #before()} reports.
 */
public class LoginSimulation extends Simulation {

  private final String gatewayUrl = Perf.setting("perf.gatewayUrl", "http://localhost:8080");
  private final String email = Perf.setting("perf.email", "admin@demo.fieldops.local");
  private final String password = Perf.setting("perf.password", "fieldops-demo-admin");
  private final int users = Integer.parseInt(Perf.setting("perf.loginUsers", "16"));
  private final Duration warmup = Duration.parse("PT" + Perf.setting("perf.warmup", "5s"));
  private final Duration duration = Duration.parse("PT" + Perf.setting("perf.duration", "20s"));

  private final LatencyRecorder logins = new LatencyRecorder();

  private final HttpProtocolBuilder protocol = Perf.jsonProtocol();

  {
    setUp(
            loop("warmup-login", warmup, null)
                .injectOpen(atOnceUsers(users))
                .andThen(loop("login", duration, logins).injectOpen(atOnceUsers(users))))
        .protocols(protocol)
        .assertions(global().failedRequests().percent().lt(1.0));
  }

  private String body() {
    return """
        {"email": "%s", "password": "%s"}
        """
        .formatted(email, password);
  }

  private ScenarioBuilder loop(String name, Duration time, LatencyRecorder recorder) {
    var request =
        exec(
            http(name)
                .post(gatewayUrl + "/api/auth/login/")
                .body(StringBody(body()))
                .check(
                    status().is(200),
                    jsonPath("$.tokens.access").exists(),
                    responseTimeInMillis().saveAs("responseTime")));
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

  /** Fails fast, with the fix, when the login is refused before any load. */
  @Override
  public void before() {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/auth/login/"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 429) {
        throw new IllegalStateException(
            "The gateway's login rate limit answered 429: start the stack with it lifted, see"
                + " perf/README.md (Login benchmark)");
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Login as " + email + " answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("No gateway at " + gatewayUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void after() {
    LatencyRecorder.Summary s = logins.summary();
    System.out.println(
        String.join(
            System.lineSeparator(),
            "",
            "==== fieldops login through the gateway: "
                + users
                + " concurrent clients, "
                + duration.toSeconds()
                + " s",
            String.format(
                Locale.ROOT,
                "logins %d, %.1f logins/s, p50 %d ms, p99 %d ms",
                s.requests(),
                s.perSecond(),
                s.p50Millis(),
                s.p99Millis()),
            ""));
  }
}
