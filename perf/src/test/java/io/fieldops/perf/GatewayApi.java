package io.fieldops.perf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The set-up and clean-up calls of the benchmarks, through the gateway as the demo admin: log in,
 * switch the organisation's booking settings to a roomy day for the run and back, look up the id of
 * a reference row by its code (e.g. a ticket status), and plain GETs and POSTs (e.g. the job cards
 * a run needs to exist before it starts).
 */
final class GatewayApi {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SETTINGS = "/api/v1/bookings/settings/";

  private final HttpClient client = HttpClient.newHttpClient();
  private final String gatewayUrl;
  private String token;
  private String userId;
  private JsonNode previousSettings;

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
   * Every day open 00:00-23:55 in {@code slotMinutes} slots of {@code capacity}, no notice, a year
   * ahead: room for the run's bookings. {@link #restoreSettings()} puts the previous ones back.
   */
  void roomySettings(int slotMinutes, int capacity) {
    JsonNode current = get(SETTINGS);
    previousSettings = current;
    ObjectNode wanted = JSON.createObjectNode();
    wanted.put("time_zone", current.path("time_zone").asString());
    ObjectNode hours = wanted.putObject("working_hours");
    for (String weekday : current.path("working_hours").propertyNames()) {
      hours.putObject(weekday).put("start", "00:00").put("end", "23:55");
    }
    wanted.putArray("off_days");
    wanted.put("slot_minutes", slotMinutes);
    wanted.put("capacity", capacity);
    wanted.put("min_notice_minutes", 0);
    wanted.put("max_days_ahead", 365);
    if (current.path("date_order").isString()) {
      wanted.put("date_order", current.path("date_order").asString());
    }
    put(SETTINGS, wanted.toString(), current.path("version").asLong());
  }

  void restoreSettings() {
    if (previousSettings == null) {
      return;
    }
    JsonNode now = get(SETTINGS);
    ObjectNode back = (ObjectNode) previousSettings.deepCopy();
    back.remove("version");
    back.remove("updated_at");
    for (String optional : new String[] {"date_order", "closed_dates"}) {
      if (back.path(optional).isNull()) {
        back.remove(optional); // null: the default
      }
    }
    put(SETTINGS, back.toString(), now.path("version").asLong());
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

  private void put(String path, String body, long version) {
    send(
        HttpRequest.newBuilder(URI.create(gatewayUrl + path))
            .header("Content-Type", "application/json")
            .header("If-Match", "\"" + version + "\"")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
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
