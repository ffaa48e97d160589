package io.fieldops.jobcard.it;

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
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * customer-service at the HTTP boundary, speaking exactly the contract jobcard-service relies on
 * (customer-service's README, "clients"), for the organisation in the caller's bearer token:
 *
 * <ul>
 *   <li>{@code POST /api/v1/customers/clients/} -> 201 {@code {"created": true, "client"}} / 200
 *       {@code created: false} with the client of that mobile (one per organisation, race-free);
 *       400 problem {@code details.mobile} "Mobile number must be exactly 10 digits." (in Thai for
 *       {@code Accept-Language: th}) by the platform's phone rule in a Thai organisation
 *   <li>{@code GET /api/v1/customers/clients/{id}/} -> the client, or 404 "Client not found" (also
 *       for another organisation's)
 *   <li>{@code GET /api/v1/customers/check-client/?mobile=} -> seed 000's three shapes
 * </ul>
 *
 * A request without a bearer token is a 401. It can be stopped, made to hang, or made to answer 409
 * to test the failure paths.
 */
final class CustomerStub {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Client(
      UUID id,
      UUID orgId,
      String fullName,
      String mobile,
      String email,
      String city,
      String address,
      String notes,
      Instant createdAt) {}

  private final Map<String, Client> byMobile = new ConcurrentHashMap<>();
  private final Map<UUID, Client> byId = new ConcurrentHashMap<>();
  private final AtomicInteger findOrCreateCalls = new AtomicInteger();
  private final AtomicInteger created = new AtomicInteger();
  private volatile CountDownLatch hanging = new CountDownLatch(0);
  private volatile boolean conflicting;
  private HttpServer server;

  CustomerStub() {
    start(0);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A client that already exists in {@code orgId}, as if created earlier. */
  Client existing(UUID orgId, String fullName, String mobile, String city) {
    PhoneNumber number = PhoneNumbers.read(mobile, "TH", false).orElseThrow();
    Client client =
        new Client(
            UUID.randomUUID(),
            orgId,
            fullName,
            number.written(),
            null,
            city,
            null,
            null,
            Instant.parse("2024-01-01T10:00:00Z"));
    byMobile.put(orgId + "/" + number.key(), client);
    byId.put(client.id(), client);
    return client;
  }

  int findOrCreateCalls() {
    return findOrCreateCalls.get();
  }

  /** Clients this stub created in answer to a find-or-create. */
  int created() {
    return created.get();
  }

  long clientsOf(UUID orgId) {
    return byId.values().stream().filter(c -> c.orgId().equals(orgId)).count();
  }

  /** From now on every request waits (up to a minute) until {@link #release()}. */
  void hang() {
    hanging = new CountDownLatch(1);
  }

  void release() {
    hanging.countDown();
  }

  /** Every find-or-create answers customer-service's 409 problem until {@code false}. */
  void conflicting(boolean on) {
    conflicting = on;
  }

  void stop() {
    server.stop(0);
  }

  void restart() {
    start(server.getAddress().getPort());
  }

  private void start(int port) {
    try {
      server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/api/v1/customers/clients", this::clients);
    server.createContext("/api/v1/customers/check-client", this::check);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    Thread starter = Thread.ofPlatform().daemon().unstarted(server::start);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void clients(HttpExchange exchange) throws IOException {
    try (exchange) {
      UUID orgId = callerOrganisation(exchange);
      if (orgId == null) {
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if ("POST".equals(exchange.getRequestMethod())
          && path.matches("/api/v1/customers/clients/?")) {
        findOrCreate(exchange, orgId);
      } else if ("GET".equals(exchange.getRequestMethod())) {
        String id = path.replaceFirst("^/api/v1/customers/clients/", "").replaceAll("/$", "");
        Client client = null;
        try {
          client = byId.get(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
          // customer-service answers 400 for a path id that is not a UUID; jobcard never sends one
        }
        if (client == null || !client.orgId().equals(orgId)) {
          problem(exchange, 404, "not-found", "Client not found", null);
        } else {
          respond(exchange, 200, view(client));
        }
      } else {
        respond(exchange, 405, JSON.createObjectNode());
      }
    }
  }

  private void findOrCreate(HttpExchange exchange, UUID orgId) throws IOException {
    findOrCreateCalls.incrementAndGet();
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    if (conflicting) {
      problem(
          exchange,
          409,
          "conflict",
          "A customer with this mobile number already exists.",
          Map.of("mobile", "A customer with this mobile number already exists."));
      return;
    }
    boolean thai =
        String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Language")).startsWith("th");
    var mobile = PhoneNumbers.read(body.path("mobile").asString(""), "TH", false);
    if (mobile.isEmpty()) {
      String text =
          thai ? "หมายเลขโทรศัพท์มือถือต้องมี 10 หลัก" : "Mobile number must be exactly 10 digits.";
      problem(
          exchange,
          400,
          "validation-failed",
          thai ? "ข้อมูลไม่ถูกต้อง" : "Validation failed",
          Map.of("mobile", text));
      return;
    }
    boolean[] isNew = {false};
    Client client =
        byMobile.computeIfAbsent(
            orgId + "/" + mobile.get().key(),
            key -> {
              isNew[0] = true;
              Client fresh =
                  new Client(
                      UUID.randomUUID(),
                      orgId,
                      body.path("full_name").asString(),
                      mobile.get().written(),
                      text(body, "email"),
                      text(body, "city"),
                      text(body, "address"),
                      text(body, "notes"),
                      Instant.now());
              byId.put(fresh.id(), fresh);
              return fresh;
            });
    if (isNew[0]) {
      created.incrementAndGet();
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("created", isNew[0]);
    answer.set("client", view(client));
    respond(exchange, isNew[0] ? 201 : 200, answer);
  }

  private void check(HttpExchange exchange) throws IOException {
    try (exchange) {
      UUID orgId = callerOrganisation(exchange);
      if (orgId == null) {
        return;
      }
      String query = exchange.getRequestURI().getRawQuery();
      String raw =
          query != null && query.startsWith("mobile=")
              ? URLDecoder.decode(query.substring("mobile=".length()), StandardCharsets.UTF_8)
              : "";
      var mobile = PhoneNumbers.read(raw, "TH", false);
      if (mobile.isEmpty()) {
        problem(
            exchange,
            400,
            "validation-failed",
            "Validation failed",
            Map.of("mobile", "Mobile number must be exactly 10 digits."));
        return;
      }
      Client client = byMobile.get(orgId + "/" + mobile.get().key());
      ObjectNode answer = JSON.createObjectNode();
      answer.put("exists", client != null);
      answer.set("client", client == null ? JSON.nullNode() : view(client));
      answer.put(
          "message",
          (client != null
                  ? "Client found with mobile number "
                  : "No client found with mobile number ")
              + mobile.get().written());
      respond(exchange, 200, answer);
    }
  }

  /** The organisation of the caller's token (read, not verified: the service under test did). */
  private UUID callerOrganisation(HttpExchange exchange) throws IOException {
    awaitRelease();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      respond(exchange, 401, JSON.createObjectNode().put("detail", "unauthorized"));
      return null;
    }
    String[] parts = authorization.substring("Bearer ".length()).split("\\.");
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    return UUID.fromString(claims.path("org_id").asString());
  }

  private void awaitRelease() {
    try {
      hanging.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ObjectNode view(Client c) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", c.id().toString());
    node.put("full_name", c.fullName());
    node.put("mobile", c.mobile());
    node.put("email", c.email());
    node.put("city", c.city());
    node.put("address", c.address());
    node.put("notes", c.notes());
    node.put("is_active", true);
    node.put("created_at", c.createdAt().toString());
    node.put("updated_at", c.createdAt().toString());
    return node;
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static void problem(
      HttpExchange exchange, int status, String code, String message, Map<String, String> details)
      throws IOException {
    ObjectNode problem = JSON.createObjectNode();
    problem.put("type", "urn:fieldops:problem:" + code);
    problem.put("status", status);
    problem.put("detail", message);
    problem.put("success", false);
    problem.put("error", message);
    problem.put("message", message);
    if (details != null) {
      ObjectNode d = problem.putObject("details");
      details.forEach(d::put);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
    byte[] bytes = JSON.writeValueAsBytes(problem);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
