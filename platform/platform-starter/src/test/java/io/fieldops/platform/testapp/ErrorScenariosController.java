package io.fieldops.platform.testapp;

import io.fieldops.platform.error.BusinessRuleException;
import io.fieldops.platform.error.ConflictException;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Level;
import io.fieldops.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/** One endpoint per kind of error the platform must answer, plus a few happy paths. */
@RestController
class ErrorScenariosController {

  private final RestClient.Builder restClientBuilder;
  private final SlotService slots;

  ErrorScenariosController(RestClient.Builder restClientBuilder, SlotService slots) {
    this.restClientBuilder = restClientBuilder;
    this.slots = slots;
  }

  @GetMapping("/test/reserve")
  Map<String, Object> reserve(@RequestParam LocalDate date) {
    return Map.of("result", slots.reserve(date));
  }

  @PostMapping("/test/client-check")
  void clientCheck(@RequestBody Map<String, Object> body) {
    // seed 000's "Client Not Found": a validation failure about no single field
    throw new io.fieldops.platform.error.BadRequestException(
        "fieldops.problem.validation-failed",
        Map.of("", "Client with ID " + body.get("client_id") + " does not exist."));
  }

  record Moment(
      LocalDate bookingDate, LocalTime bookingTime, Instant createdAt, String notes, int level) {}

  record Booked(String serviceName, boolean signedIn) {}

  @PostMapping("/test/jobcards")
  JobCardRequest createJobCard(@Valid @RequestBody JobCardRequest request) {
    return request;
  }

  @GetMapping("/test/items/{id}")
  Map<String, Object> item(@PathVariable UUID id) {
    return Map.of("id", id);
  }

  @GetMapping("/test/search")
  Map<String, Object> search(
      @RequestParam int page,
      @RequestParam(required = false) JobCardRequest.Priority priority,
      @RequestParam(required = false) LocalDate date) {
    return Map.of("page", page);
  }

  @GetMapping("/test/page-size")
  Map<String, Object> pageSize(@RequestParam("page_size") @Min(1) @Max(100) int pageSize) {
    return Map.of("page_size", pageSize);
  }

  @GetMapping("/test/org")
  Map<String, Object> org(@RequestHeader("X-Organization") String organization) {
    return Map.of("organization", organization);
  }

  @GetMapping("/test/not-found")
  void notFound() {
    throw NotFoundException.of("Booking");
  }

  @PostMapping("/test/slots")
  void reserveSlot() {
    throw new BusinessRuleException("testapp.slot-taken");
  }

  @GetMapping("/test/literal-rule")
  void literalRule() {
    throw new BusinessRuleException("Booking not allowed on off days");
  }

  @GetMapping("/test/conflict")
  void conflict() {
    throw new ConflictException("A customer with this mobile already exists");
  }

  @GetMapping("/test/data-integrity")
  void dataIntegrity() {
    throw new DataIntegrityViolationException(
        "ERROR: duplicate key value violates unique constraint \"uk_client_mobile\" SQL [insert"
            + " into clients (mobile) values ('0812345678')]");
  }

  @GetMapping("/test/database-down")
  void databaseDown() {
    // what Hikari's timeout becomes while PostgreSQL restarts (spring-jdbc's
    // CannotGetJdbcConnectionException is one of these)
    throw new org.springframework.dao.DataAccessResourceFailureException(
        "Failed to obtain JDBC Connection",
        new java.sql.SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 30000ms"));
  }

  @GetMapping("/test/transaction-not-begun")
  void transactionNotBegun() {
    throw new org.springframework.transaction.CannotCreateTransactionException(
        "Could not open JPA EntityManager for transaction",
        new java.sql.SQLException("Connection to localhost:5432 refused", "08001"));
  }

  @GetMapping("/test/database-restarting")
  void databaseRestarting() {
    // what reached a client as a 500 while PostgreSQL restarted: Hibernate's generic JDBC error
    throw new IllegalStateException(
        "could not execute statement",
        new java.sql.SQLException(
            "FATAL: terminating connection due to administrator command", "57P01"));
  }

  @GetMapping("/test/optimistic-lock")
  void optimisticLock() {
    throw new OptimisticLockingFailureException(
        "Row was updated by another transaction: Booking#7");
  }

  @GetMapping("/test/peer-down")
  void peerDown() {
    throw new io.fieldops.platform.error.ServiceUnavailableException(
        "customer-service", new java.net.ConnectException("Connection refused: 10.0.0.7:8002"));
  }

  @GetMapping("/test/teapot")
  void teapot() {
    throw new TeapotAdvice.TeapotException();
  }

  @GetMapping("/test/boom")
  void boom() {
    throw new IllegalStateException("secret internals: password=hunter2");
  }

  @PutMapping("/test/put-only")
  void putOnly() {}

  @GetMapping(value = "/test/json-only", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> jsonOnly() {
    return Map.of("ok", true);
  }

  @PostMapping("/test/upload")
  Map<String, Object> upload(@RequestPart("file") MultipartFile file) {
    return Map.of("size", file.getSize());
  }

  @GetMapping("/test/moment")
  Moment moment() {
    return new Moment(
        LocalDate.of(2025, 10, 20),
        LocalTime.of(14, 0),
        Instant.parse("2025-10-20T07:00:00Z"),
        null,
        2);
  }

  /** Reads its body as a JSON tree, as ticket-service's master ticket endpoints do. */
  @PostMapping("/test/tree")
  JsonNode tree(@RequestBody JsonNode body) {
    return body;
  }

  @GetMapping("/test/me")
  CurrentUser me(CurrentUser user) {
    return user;
  }

  /** Stands for a service's internal endpoints (auth-service's provisioning, say). */
  @GetMapping("/api/v1/internal/test-ping")
  Map<String, Object> internalPing() {
    return Map.of("pong", true);
  }

  @GetMapping("/test/admin-only")
  Map<String, Object> adminOnly(CurrentUser user) {
    user.requireRole(Role.ADMIN);
    return Map.of("ok", true);
  }

  @GetMapping("/test/supervisors")
  Map<String, Object> supervisorsOnly(CurrentUser user) {
    user.requireLevel(Level.SUPERVISOR);
    return Map.of("ok", true);
  }

  /** Public (fieldops.security.public-paths), like seed 001's agent booking. */
  @PostMapping("/api/agent/booking/create")
  Booked agentBooking(@RequestBody Map<String, Object> body, Optional<CurrentUser> user) {
    return new Booked(String.valueOf(body.get("service_name")), user.isPresent());
  }

  @GetMapping("/test/public/needs-user")
  CurrentUser publicButNeedsUser(CurrentUser user) {
    return user;
  }

  /** Calls itself over HTTP, so the test can see the trace travel in the traceparent header. */
  @GetMapping("/test/outbound")
  Map<String, Object> outbound(@RequestParam String baseUrl) {
    String seen =
        restClientBuilder
            .baseUrl(baseUrl)
            .build()
            .get()
            .uri("/test/public/echo-traceparent")
            .retrieve()
            .body(String.class);
    return Map.of("downstream_traceparent", seen == null ? "" : seen);
  }

  @GetMapping(value = "/test/public/echo-traceparent", produces = MediaType.TEXT_PLAIN_VALUE)
  String echoTraceparent(
      @RequestHeader(value = "traceparent", required = false) String traceparent) {
    return traceparent == null ? "" : traceparent;
  }
}
