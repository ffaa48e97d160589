package io.fieldops.booking.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fieldops.platform.phone.PhoneNumber;
import io.fieldops.platform.phone.PhoneNumbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * auth-service at the HTTP boundary, speaking exactly the contract booking-service relies on:
 *
 * <ul>
 *   <li>{@code POST /oauth2/token} (basic auth {@code booking-service:booking-service-dev-secret},
 *       {@code grant_type=client_credentials}) -> a bearer token
 *   <li>{@code GET /api/v1/internal/organizations/resolve?organization=} -> the organisation, the
 *       default one without a parameter, 400 {@code details.organization} when unknown
 *   <li>{@code POST /api/v1/internal/users/provision} -> 201 created / 200 found by phone (found by
 *       the platform's phone rule in a Thai organisation, answered as first written), 400 {@code
 *       details.phone}, 409 {@code details.email}
 * </ul>
 *
 * Both internal endpoints refuse a request without the token it issued (401). It can be stopped and
 * made to hang to test the failure paths.
 */
final class AuthStub {

  static final String SECRET = "booking-service-dev-secret";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Org(UUID id, String slug, String dateOrder) {}

  record User(UUID id, UUID orgId, String phone, String firstName, String lastName, String email) {}

  final Org defaultOrg = new Org(UUID.randomUUID(), "default", "DMY");
  private final Map<String, Org> orgs = new ConcurrentHashMap<>();
  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final Map<String, String> gendersSent = new ConcurrentHashMap<>();
  private final AtomicInteger tokenCalls = new AtomicInteger();
  private final AtomicInteger provisionCalls = new AtomicInteger();
  private final AtomicInteger resolveCalls = new AtomicInteger();
  private volatile String issuedToken = "stub-" + UUID.randomUUID();
  private volatile CountDownLatch hanging = new CountDownLatch(0);
  private HttpServer server;

  AuthStub() {
    add(defaultOrg);
    start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  Org organisation(String dateOrder) {
    UUID id = UUID.randomUUID();
    return add(new Org(id, "org-" + id.toString().substring(0, 8), dateOrder));
  }

  private Org add(Org org) {
    orgs.put(org.id().toString(), org);
    orgs.put(org.slug(), org);
    return org;
  }

  int tokenCalls() {
    return tokenCalls.get();
  }

  int provisionCalls() {
    return provisionCalls.get();
  }

  int resolveCalls() {
    return resolveCalls.get();
  }

  /** The {@code gender} booking-service last sent with this phone (as written), or null. */
  String genderSentFor(String phone) {
    return gendersSent.get(phone);
  }

  /** Tokens issued so far are refused from now on (auth-service restarted with new keys). */
  void rotateToken() {
    issuedToken = "stub-" + UUID.randomUUID();
  }

  /** From now on every internal request waits (up to a minute) until {@link #release()}. */
  void hang() {
    hanging = new CountDownLatch(1);
  }

  void release() {
    hanging.countDown();
  }

  /** Closes the port: callers see connection refused. */
  void stop() {
    server.stop(0);
  }

  /** Opens again on the same port. */
  void restart() {
    int port = server.getAddress().getPort();
    start(port);
  }

  private void start() {
    start(0);
  }

  private void start(int port) {
    try {
      server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/oauth2/token", this::token);
    server.createContext("/api/v1/internal/organizations/resolve", this::resolve);
    server.createContext("/api/v1/internal/users/provision", this::provision);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    // a daemon dispatcher (it inherits the starting thread's flag): never keeps the JVM alive
    Thread starter = Thread.ofPlatform().daemon().unstarted(server::start);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void token(HttpExchange exchange) throws IOException {
    tokenCalls.incrementAndGet();
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("booking-service:" + SECRET).getBytes(StandardCharsets.UTF_8));
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
        || !form.contains("grant_type=client_credentials")) {
      respond(exchange, 401, "{\"error\": \"invalid_client\"}");
      return;
    }
    respond(
        exchange,
        200,
        """
        {"access_token": "%s", "token_type": "Bearer", "expires_in": 300,
         "scope": "users:provision organizations:read"}
        """
            .formatted(issuedToken));
  }

  private boolean authorised(HttpExchange exchange) throws IOException {
    if (!("Bearer " + issuedToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, "{\"detail\": \"unauthorized\"}");
      return false;
    }
    pause();
    return true;
  }

  private void resolve(HttpExchange exchange) throws IOException {
    resolveCalls.incrementAndGet();
    if (!authorised(exchange)) {
      return;
    }
    String query = exchange.getRequestURI().getRawQuery();
    String wanted = null;
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith("organization=")) {
        wanted = URLDecoder.decode(pair.substring(13), StandardCharsets.UTF_8).strip();
      }
    }
    Org org = wanted == null || wanted.isEmpty() ? defaultOrg : orgs.get(wanted.toLowerCase());
    if (org == null) {
      respond(
          exchange,
          400,
          """
          {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request",
           "status": 400, "detail": "Validation failed", "success": false,
           "error": "Validation failed", "message": "Validation failed",
           "details": {"organization": "Organization not found."}}
          """);
      return;
    }
    respond(
        exchange,
        200,
        """
        {"id": "%s", "slug": "%s", "name": "Org %s", "default_phone_region": "TH",
         "strict_phone_validation": false, "date_order": "%s"}
        """
            .formatted(org.id(), org.slug(), org.slug(), org.dateOrder()));
  }

  private void provision(HttpExchange exchange) throws IOException {
    provisionCalls.incrementAndGet();
    if (!authorised(exchange)) {
      return;
    }
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    Org org = orgs.get(body.path("organization").asString(""));
    // auth-service's rule (the platform's one phone rule) in a Thai organisation, not strict
    PhoneNumber phone =
        PhoneNumbers.read(body.path("phone").asString(""), "TH", false).orElse(null);
    if (org == null || phone == null) {
      respond(
          exchange,
          400,
          """
          {"status": 400, "success": false, "message": "Validation failed",
           "details": {"%s": "%s"}}
          """
              .formatted(
                  org == null ? "organization" : "phone",
                  org == null ? "Organization not found." : "Enter a valid phone number."));
      return;
    }
    String email = text(body, "email");
    if (text(body, "gender") != null) {
      gendersSent.put(phone.written(), text(body, "gender"));
    }
    boolean[] created = {false};
    User user;
    synchronized (this) {
      user = users.get(phone.key());
      if (user == null) {
        if (email != null
            && users.values().stream().anyMatch(u -> email.equalsIgnoreCase(u.email()))) {
          respond(
              exchange,
              409,
              """
              {"status": 409, "success": false, "message": "This email is already in use.",
               "details": {"email": "This email is already in use."}}
              """);
          return;
        }
        user =
            new User(
                UUID.randomUUID(),
                org.id(),
                phone.written(),
                text(body, "first_name"),
                text(body, "last_name"),
                email);
        users.put(phone.key(), user);
        created[0] = true;
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("created", created[0]);
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("id", user.id().toString());
    u.put("username", user.phone());
    u.put("first_name", user.firstName() == null ? "" : user.firstName());
    u.put("last_name", user.lastName() == null ? "" : user.lastName());
    u.put("email", user.email() == null ? "" : user.email());
    u.put("phone", user.phone());
    u.put("is_active", true);
    answer.put("user", u);
    respond(exchange, created[0] ? 201 : 200, JSON.writeValueAsString(answer));
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.path(field);
    return node.isString() && !node.asString().isBlank() ? node.asString() : null;
  }

  private void pause() {
    try {
      hanging.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .set(
            "Content-Type",
            status >= 400 && body.contains("\"status\"")
                ? "application/problem+json"
                : "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
