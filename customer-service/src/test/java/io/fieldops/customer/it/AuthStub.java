package io.fieldops.customer.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fieldops.platform.test.TestUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * auth-service at the HTTP boundary, speaking exactly the contract customer-service relies on:
 *
 * <ul>
 *   <li>{@code GET /api/auth/organization/} (any member) -> the caller's organisation with its
 *       {@code default_phone_region}
 *   <li>{@code GET /api/auth/organization/users/?ids=a,b} (staff; CUSTOMER -> 403) -> {@code
 *       results} of the members of the caller's organisation among the ids
 *   <li>{@code GET /api/auth/organization/users/?search=text} (staff) -> {@code results}: the
 *       members whose first name, last name, email or phone contains the text (ignoring case)
 * </ul>
 *
 * The caller is read from the relayed bearer token's claims (the signature is the service's
 * business, already checked by it). It can be stopped and slowed to test the failure paths.
 */
final class AuthStub {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<UUID, TestUser> users = new ConcurrentHashMap<>();
  private final Map<UUID, String> regions = new ConcurrentHashMap<>();
  private final Set<UUID> strict = ConcurrentHashMap.newKeySet();
  private final AtomicInteger organisationCalls = new AtomicInteger();
  private final AtomicInteger userCalls = new AtomicInteger();
  private final AtomicInteger waiting = new AtomicInteger();
  private final List<String> authorizations = new ArrayList<>();
  private volatile CountDownLatch hanging = new CountDownLatch(0);
  private HttpServer server;

  AuthStub() {
    start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A user auth-service knows (the identity it will answer for them). */
  TestUser register(TestUser user) {
    users.put(user.id(), user);
    return user;
  }

  void region(UUID orgId, String region) {
    regions.put(orgId, region);
  }

  /** The organisation accepts only numbers valid in its region. */
  void strict(UUID orgId) {
    strict.add(orgId);
  }

  /** From now on every request waits (up to a minute) until {@link #release()}. */
  void hang() {
    hanging = new CountDownLatch(1);
  }

  void release() {
    hanging.countDown();
  }

  /** Requests held by {@link #hang()} right now. */
  int waiting() {
    return waiting.get();
  }

  int organisationCalls() {
    return organisationCalls.get();
  }

  int userCalls() {
    return userCalls.get();
  }

  /** The {@code sub} of every token relayed so far, in order. */
  synchronized List<String> callers() {
    return authorizations.stream()
        .filter(a -> a != null && a.startsWith("Bearer "))
        .map(a -> decode(a).path("sub").asString())
        .toList();
  }

  /** Closes the port: callers see connection refused. */
  void stop() {
    server.stop(0);
  }

  private void start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/api/auth/organization/users", this::users);
    server.createContext("/api/auth/organization", this::organisation);
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    // The dispatcher thread inherits the daemon flag of the thread that starts it (as in
    // TestTokenIssuer): a daemon, so the stub never keeps a finished test JVM alive.
    Thread starter = Thread.ofPlatform().daemon().unstarted(server::start);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void organisation(HttpExchange exchange) throws IOException {
    organisationCalls.incrementAndGet();
    JsonNode claims = claims(exchange);
    if (claims == null) {
      respond(exchange, 401, "{}");
      return;
    }
    pause();
    String orgId = claims.path("org_id").asString();
    String region = regions.getOrDefault(UUID.fromString(orgId), "TH");
    respond(
        exchange,
        200,
        """
        {"id": "%s", "slug": "org-%s", "name": "Org", "default_phone_region": "%s",
         "strict_phone_validation": %s,
         "date_order": "DMY"}
        """
            .formatted(
                orgId, orgId.substring(0, 8), region, strict.contains(UUID.fromString(orgId))));
  }

  private void users(HttpExchange exchange) throws IOException {
    userCalls.incrementAndGet();
    JsonNode claims = claims(exchange);
    if (claims == null) {
      respond(exchange, 401, "{}");
      return;
    }
    pause();
    List<String> roles = new ArrayList<>();
    claims.path("roles").forEach(role -> roles.add(role.asString()));
    if (roles.isEmpty() || roles.equals(List.of("CUSTOMER"))) {
      respond(exchange, 403, "{\"detail\": \"Access denied\"}");
      return;
    }
    UUID orgId = UUID.fromString(claims.path("org_id").asString());
    String query = exchange.getRequestURI().getRawQuery();
    String ids = "";
    String search = null;
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith("ids=")) {
        ids = URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
      } else if (pair.startsWith("search=")) {
        search = URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8).toLowerCase();
      }
    }
    List<TestUser> wanted = new ArrayList<>();
    if (search != null) {
      String text = search;
      users.values().stream()
          .filter(
              u ->
                  java.util.stream.Stream.of(
                          u.givenName(), u.familyName(), u.email(), u.phoneNumber())
                      .anyMatch(v -> v != null && v.toLowerCase().contains(text)))
          .forEach(wanted::add);
    } else {
      for (String id : Arrays.stream(ids.split(",")).filter(s -> !s.isBlank()).toList()) {
        wanted.add(users.get(UUID.fromString(id)));
      }
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (TestUser user : wanted) {
      if (user != null && orgId.equals(user.orgId())) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("user_id", user.id().toString());
        row.put("username", user.email());
        row.put("email", user.email());
        row.put("first_name", user.givenName());
        row.put("last_name", user.familyName());
        row.put("phone_number", user.phoneNumber());
        row.put("is_active", true);
        results.add(row);
      }
    }
    respond(exchange, 200, JSON.writeValueAsString(Map.of("results", results)));
  }

  private JsonNode claims(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    synchronized (this) {
      authorizations.add(authorization);
    }
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    return decode(authorization);
  }

  private static JsonNode decode(String authorization) {
    String[] parts = authorization.substring(7).split("\\.");
    return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }

  private void pause() {
    waiting.incrementAndGet();
    try {
      hanging.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      waiting.decrementAndGet();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
