package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.systemtests.fuzz.ApiDocument;
import io.fieldops.systemtests.fuzz.ApiOperation;
import io.fieldops.systemtests.fuzz.DatabaseSnapshot;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant matrix: organisation A has data of every kind; the ADMIN of organisation B (anyone can
 * found one) calls every operation every service publishes with A's ids, in paths and in query
 * parameters. Reads by id answer 404, lists show nothing of A's, changes are refused, and no
 * database changes. The operations come from the OpenAPI documents, so a new endpoint is attacked
 * without editing this test; one whose ids A has none of fails here until the set-up makes some.
 */
class TenantMatrixIT extends SystemTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** A Friday at least three weeks ahead in Bangkok, in an organisation of this test's own. */
  private static final LocalDate FRIDAY =
      LocalDate.now(ZoneId.of("Asia/Bangkok"))
          .plusDays(21)
          .with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));

  @Test
  void anotherOrganisationsAdminSeesNothingOfAnotherAndChangesNothing() throws Exception {
    String marker = "Matrix" + UUID.randomUUID().toString().substring(0, 8);
    FoundedOrganisation a = foundOrganisation("A " + marker);
    fill(a, marker);
    // B's own name shares nothing with A's marker, so any answer holding the marker is A's data
    FoundedOrganisation b =
        foundOrganisation("Outsider " + UUID.randomUUID().toString().substring(0, 8));
    // B's first use of tickets creates B's default work types and statuses: not part of the attack
    assertThat(get(b, "/api/v1/tickets/statuses/").status()).isEqualTo(200);

    List<ApiOperation> operations = new ArrayList<>();
    for (String service : ApiDocument.SERVICES) {
      operations.addAll(ApiDocument.read(gateway(), service));
    }
    Map<String, Set<String>> idsByList = idsOfA(a, operations);
    Set<String> everyId = new LinkedHashSet<>();
    idsByList.values().forEach(everyId::addAll);
    Set<String> secrets = new LinkedHashSet<>();
    everyId.stream().filter(id -> UUID_TEXT.matcher(id).matches()).forEach(secrets::add);
    secrets.add(marker);

    DatabaseSnapshot before = ApiFuzzIT.settled(stack()::jdbcUrl);
    List<String> findings = new ArrayList<>();
    int attacks = 0;
    SplittableRandom random = new SplittableRandom(16);
    for (ApiOperation operation : operations) {
      if (!operation.secured()) {
        continue;
      }
      List<ApiOperation.Parameter> pathParameters = operation.in("path");
      if (pathParameters.isEmpty()) {
        if (operation.changesData()) {
          continue; // B changing B's own data: not an attack on A
        }
        // a list, with every id-like query parameter set to A's ids
        Map<String, String> query = new HashMap<>();
        for (ApiOperation.Parameter parameter : operation.in("query")) {
          if (parameter.format().equals("uuid") || parameter.type().equals("array")) {
            everyId.stream()
                .filter(id -> UUID_TEXT.matcher(id).matches())
                .findFirst()
                .ifPresent(id -> query.put(parameter.name(), id));
          }
        }
        attacks++;
        check(operation, send(b, operation, operation.path(), query, random), secrets, findings);
        for (String id : everyId) {
          Map<String, String> withId = new HashMap<>();
          operation.in("query").stream()
              .filter(p -> p.format().equals("uuid") && UUID_TEXT.matcher(id).matches())
              .forEach(p -> withId.put(p.name(), id));
          if (!withId.isEmpty()) {
            attacks++;
            check(
                operation, send(b, operation, operation.path(), withId, random), secrets, findings);
          }
        }
        continue;
      }
      ApiOperation.Parameter parameter = pathParameters.getFirst();
      List<String> targets = idsFor(operation, parameter, idsByList, everyId);
      if (targets.isEmpty()) {
        findings.add(operation + ": organisation A has no id to try; make one in fill()");
        continue;
      }
      for (String id : targets) {
        String path = operation.path().replace("{" + parameter.name() + "}", id);
        GatewayResponse answer = send(b, operation, path, Map.of(), random);
        attacks++;
        if (!operation.changesData() && answer.status() != 404) {
          findings.add(operation + " with A's " + id + " answered " + answer);
        }
        Set<String> notEchoed = new LinkedHashSet<>(secrets);
        notEchoed.remove(id);
        check(operation, answer, notEchoed, findings);
      }
    }
    System.out.printf(
        "TenantMatrixIT: %d requests of B against A's %d ids%n", attacks, everyId.size());

    assertThat(findings).as("%d findings", findings.size()).isEmpty();
    assertThat(attacks).isGreaterThan(50);
    assertThat(DatabaseSnapshot.of(stack()::jdbcUrl).changedSince(before)).isEmpty();
  }

  private static void check(
      ApiOperation operation, GatewayResponse answer, Set<String> secrets, List<String> findings) {
    if (operation.changesData() && answer.status() < 400) {
      findings.add(operation + " was done for B: " + answer);
    }
    if (answer.status() >= 500) {
      findings.add(operation + " answered " + answer);
    }
    for (String secret : secrets) {
      if (answer.body().contains(secret)) {
        findings.add(operation + " showed A's " + secret + ": " + answer);
      }
    }
  }

  /** A's ids of the kind the path takes: those of the longest list above the path, else all. */
  private static List<String> idsFor(
      ApiOperation operation,
      ApiOperation.Parameter parameter,
      Map<String, Set<String>> idsByList,
      Set<String> everyId) {
    String listPath =
        idsByList.keySet().stream()
            .filter(list -> operation.fixedPrefix().startsWith(list.replaceAll("/$", "") + "/"))
            .max((x, y) -> Integer.compare(x.length(), y.length()))
            .orElse(null);
    Set<String> candidates =
        listPath == null || idsByList.get(listPath).isEmpty() ? everyId : idsByList.get(listPath);
    boolean uuid = parameter.format().equals("uuid");
    return candidates.stream()
        .filter(id -> uuid == UUID_TEXT.matcher(id).matches())
        .filter(id -> uuid || id.chars().allMatch(Character::isDigit))
        .limit(4)
        .toList();
  }

  /** Every id in every list A's admin can read, by the list's path. */
  private Map<String, Set<String>> idsOfA(FoundedOrganisation a, List<ApiOperation> operations) {
    Map<String, Set<String>> ids = new HashMap<>();
    for (ApiOperation operation : operations) {
      if (operation.changesData() || !operation.in("path").isEmpty() || !operation.secured()) {
        continue;
      }
      if (operation.in("query").stream().anyMatch(ApiOperation.Parameter::required)) {
        continue;
      }
      GatewayResponse list = get(a, operation.path() + "?size=100");
      Set<String> found = new LinkedHashSet<>();
      if (list.status() == 200) {
        collectIds(list.json(), found);
      }
      ids.put(operation.path(), found);
    }
    return ids;
  }

  private static void collectIds(JsonNode node, Set<String> ids) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        JsonNode value = member.getValue();
        boolean idName = member.getKey().equals("id") || member.getKey().endsWith("_id");
        if (idName && value.isString() && UUID_TEXT.matcher(value.asString()).matches()) {
          ids.add(value.asString());
        } else if (member.getKey().equals("id") && value.isIntegralNumber()) {
          ids.add(value.asString());
        } else {
          collectIds(value, ids);
        }
      }
    } else if (node.isArray()) {
      node.forEach(item -> collectIds(item, ids));
    }
  }

  private GatewayResponse send(
      FoundedOrganisation caller,
      ApiOperation operation,
      String path,
      Map<String, String> query,
      SplittableRandom random) {
    StringBuilder target = new StringBuilder(path);
    String separator = "?";
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      target
          .append(separator)
          .append(parameter.getKey())
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = "&";
    }
    HttpRequest.Builder request =
        gateway().request(target.toString(), "Authorization", "Bearer " + caller.adminToken());
    String body =
        operation.body() == null
            ? null
            : JSON.writeValueAsString(
                io.fieldops.systemtests.fuzz.SchemaValues.valid(operation.body(), random));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        operation.method(),
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return gateway().send(request);
  }

  // --- organisation A's data: one of every kind --------------------------------------------

  private void fill(FoundedOrganisation a, String marker) {
    // a new organisation takes bookings once its admin has saved settings (the defaults)
    GatewayResponse settings =
        gateway()
            .put("/api/v1/bookings/settings/", "{}", "Authorization", "Bearer " + a.adminToken());
    assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
    // a booking from the call centre: also a customer, and notifications for A's admin
    GatewayResponse booking =
        gateway()
            .post(
                "/api/agent/booking/create/",
                """
                {"phone": "08%08d", "first_name": "%s", "last_name": "Customer",
                 "service_name": "Pest control", "booking_date": "%s", "booking_time": "12:00"}
                """
                    .formatted(Math.floorMod(marker.hashCode(), 100_000_000), marker, FRIDAY),
                "X-Organization",
                a.slug());
    assertThat(booking.status()).as(booking.toString()).isEqualTo(201);
    // a client and a job card
    assertThat(
            post(
                    a,
                    "/api/v1/customers/clients/",
                    "{\"full_name\": \"%s Client\", \"mobile\": \"9876543210\"}".formatted(marker))
                .status())
        .isIn(200, 201);
    assertThat(post(a, "/api/v1/jobcards/", JobCardFlowIT.SEED_MODE_2).status()).isEqualTo(201);
    // a member
    GatewayResponse member =
        post(
            a,
            "/api/auth/organization/members/",
            """
            {"email": "staff-%s@example.com", "roles": ["TECHNICIAN"], "first_name": "%s",
             "last_name": "Staff"}
            """
                .formatted(UUID.randomUUID(), marker));
    assertThat(member.status()).as(member.toString()).isIn(200, 201);
    // a ticket with its company, site, contact and appointment, and a piece of merchandise
    String repair = TicketFlowIT.code(get(a, "/api/v1/tickets/work-types/"), "repair");
    String open = TicketFlowIT.code(get(a, "/api/v1/tickets/statuses/"), "new");
    String ticket =
        """
        {"ticket": {"details": "%s", "work_type_id": "%s", "assigner_id": "%s", "status_id": "%s"},
         "company": {"tax_id": "0123456789012", "name_th": "%s", "name_en": "%s"},
         "site": {"name": "%s site"},
         "contact": {"person_name": "%s", "phone": ["0812345678"]},
         "appointment": {"appointment_date": "%s", "appointment_type": "scheduled"}}
        """
            .formatted(marker, repair, a.adminId(), open, marker, marker, marker, marker, FRIDAY);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> post(a, "/api/v1/tickets/master/", ticket).status() == 201);
    GatewayResponse sites = get(a, "/api/v1/tickets/sites/");
    String site = sites.json().path("results").path(0).path("id").asString();
    assertThat(
            post(
                    a,
                    "/api/v1/tickets/merchandise/",
                    "{\"site_id\": \"%s\", \"name\": \"%s\"}".formatted(site, marker))
                .status())
        .isEqualTo(201);
    // the booking's notification has reached A's admin, the customer is in A's list
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                get(a, "/api/v1/notifications/").body().contains(marker)
                    && get(a, "/api/v1/customers/?search=" + marker).body().contains(marker));
  }

  private GatewayResponse get(FoundedOrganisation caller, String path) {
    return gateway().get(path, "Authorization", "Bearer " + caller.adminToken());
  }

  private GatewayResponse post(FoundedOrganisation caller, String path, String json) {
    return gateway().post(path, json, "Authorization", "Bearer " + caller.adminToken());
  }
}
