package io.fieldops.perf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The set-up calls of the benchmarks, through the gateway: log in (the demo admin by default),
 * found an organisation of the run's own and open it for bookings all day, look up the id of a
 * reference row by its code (e.g. a ticket status), and plain GETs and POSTs (e.g. the job cards a
 * run needs to exist before it starts).
 */
final class GatewayApi {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SETTINGS = "/api/v1/bookings/settings/";
  // booking-service's largest max_days_ahead: a long run never runs out of days
  private static final int MAX_DAYS_AHEAD = 3650;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpClient client = HttpClient.newHttpClient();
  private final String gatewayUrl;
  private String token;
  private String userId;

  GatewayApi(String gatewayUrl) {
    this.gatewayUrl = gatewayUrl;
  }

  /**
   * Logs in as {@code perf.email} / {@code perf.password} (the devstack's demo admin by default);
   * answers the access token.
   */
  String login() {
    return login(
        Perf.setting("perf.email", "admin@demo.fieldops.local"),
        Perf.setting("perf.password", "fieldops-demo-admin"));
  }

  /** Logs in; answers the access token (the user's id: {@link #userId()}). */
  String login(String email, String password) {
    JsonNode answer =
        send(
            HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/auth/login/"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password))));
    token = answer.path("tokens").path("access").asString();
    userId = answer.path("user").path("id").asString();
    return token;
  }

  /** The logged-in user's id ({@code user.id} of the login answer). */
  String userId() {
    return userId;
  }

  /** The {@code org_id} claim of the logged-in admin's token. */
  String organisationId() {
    return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]))
        .path("org_id")
        .asString();
  }

  /**
   * Founds an organisation of its own for one run (issue 15): registers a new user with {@code
   * organization_name} (auth-service makes the founder its ADMIN, level 3), then logs in as the
   * founder, so that from here on this client acts as that admin. Nobody else books into it, so
   * every slot of the run is free whatever earlier runs left in the stack. Name and email end in a
   * random suffix; the password is random and known only to this run.
   */
  RunOrganisation foundOrganisation(String purpose) {
    String suffix = randomHex(6);
    String name = "perf " + purpose + " " + suffix;
    String email = "perf-" + suffix + "@perf.fieldops.local";
    String password = "Run-" + randomHex(12) + "!";
    ObjectNode registration = JSON.createObjectNode();
    registration.put("email", email);
    registration.put("first_name", "Perf");
    registration.put("last_name", "Founder");
    registration.put("password1", password);
    registration.put("password2", password);
    registration.put("organization_name", name);
    token = null; // a registration carries nobody's token
    String id =
        post("/api/auth/register/", registration.toString(), 201)
            .path("user")
            .path("organization")
            .path("id")
            .asString();
    String founderToken = login(email, password);
    if (!id.equals(organisationId())) {
      throw new IllegalStateException(
          "The founder of " + name + " (" + id + ") logged in to " + organisationId());
    }
    return new RunOrganisation(id, name, founderToken);
  }

  /**
   * Saves the logged-in admin's organisation's booking settings: every day open 00:00 to {@link
   * Perf#CLOSING_TIME} in {@code slotMinutes} slots of {@code capacity}, no off days, no closed
   * dates, no notice, bookable as far ahead as booking-service allows; the time zone and date order
   * are the defaults (a run books two days ahead and more, in {@code YYYY-MM-DD}, so neither
   * matters). For an organisation founded by {@link #foundOrganisation}: it has no settings yet, so
   * there is nothing to put back.
   */
  void openAllDayEveryDay(int slotMinutes, int capacity) {
    ObjectNode settings = JSON.createObjectNode();
    ObjectNode hours = settings.putObject("working_hours");
    for (DayOfWeek day : DayOfWeek.values()) {
      hours
          .putObject(day.name().toLowerCase(Locale.ROOT))
          .put("start", "00:00")
          .put("end", Perf.CLOSING_TIME.toString());
    }
    settings.putArray("off_days");
    settings.putArray("closed_dates");
    settings.put("slot_minutes", slotMinutes);
    settings.put("capacity", capacity);
    settings.put("min_notice_minutes", 0);
    settings.put("max_days_ahead", MAX_DAYS_AHEAD);
    // no If-Match: the settings are new, and nobody else writes them
    send(
        HttpRequest.newBuilder(URI.create(gatewayUrl + SETTINGS))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(settings.toString())));
  }

  /**
   * An organisation founded for one run, with its founder's (its admin's) access token, good for 15
   * minutes.
   */
  record RunOrganisation(String id, String name, String founderToken) {}

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** POSTs a JSON body as the logged-in user; anything but {@code expectedStatus} is an error. */
  JsonNode post(String path, String body, int expectedStatus) {
    return send(
        HttpRequest.newBuilder(URI.create(gatewayUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        expectedStatus);
  }

  /**
   * The id of the row whose {@code code} is {@code code} in a paged reference list answering {@code
   * {"count", "page", "size", "results": [{"id", "code", ...}]}} (e.g. ticket-service's {@code
   * /api/v1/tickets/statuses/}), read as one page of up to 100; an error when it is not there.
   */
  String idOfCode(String listPath, String code) {
    JsonNode results =
        get(listPath + (listPath.contains("?") ? "&" : "?") + "size=100").path("results");
    for (JsonNode row : results) {
      if (code.equals(row.path("code").asString())) {
        return row.path("id").asString();
      }
    }
    throw new IllegalStateException(
        "GET " + gatewayUrl + listPath + " has no code " + code + ": " + results);
  }

  /** GETs as the logged-in user; anything but 200 is an error. */
  JsonNode get(String path) {
    return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path)).GET());
  }

  private JsonNode send(HttpRequest.Builder request) {
    return send(request, 200);
  }

  private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpRequest built = request.build();
    try {
      HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 429 && expectedStatus != 429) {
        throw new IllegalStateException(
            built.method()
                + " "
                + built.uri()
                + " answered 429: the gateway's rate limit; start the stack with the limits"
                + " lifted (perf/README.md, Choosing the benchmark)");
      }
      if (response.statusCode() != expectedStatus) {
        throw new IllegalStateException(
            built.method()
                + " "
                + built.uri()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("No gateway at " + gatewayUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
