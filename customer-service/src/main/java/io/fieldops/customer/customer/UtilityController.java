package io.fieldops.customer.customer;

import io.fieldops.platform.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Seed 002's utilities: health (public) and check_profile_exists. */
@RestController
class UtilityController {

  private final ProfileCheck profileCheck;
  private final JdbcTemplate jdbc;

  UtilityController(ProfileCheck profileCheck, JdbcTemplate jdbc) {
    this.profileCheck = profileCheck;
    this.jdbc = jdbc;
  }

  /**
   * For people and scripts (the actuator's {@code /actuator/health} is for orchestrators): 200
   * {@code healthy} when the database answers, 503 {@code unhealthy} otherwise.
   */
  @GetMapping("/api/v1/customers/health")
  ResponseEntity<Map<String, Object>> health() {
    boolean database;
    try {
      database = Integer.valueOf(1).equals(jdbc.queryForObject("SELECT 1", Integer.class));
    } catch (DataAccessException e) {
      database = false;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", database ? "healthy" : "unhealthy");
    body.put("service", "customer-service");
    body.put("database", database ? "up" : "down");
    return ResponseEntity.status(database ? 200 : 503).body(body);
  }

  /**
   * Seed 002 always sends {@code user_id}; without a body or without it, this used to answer about
   * the caller, so a client that lost the id got someone's answer. The body stays optional here
   * only so that both cases answer the same 400 naming {@code user_id}.
   */
  @PostMapping("/api/v1/customers/check_profile_exists")
  ProfileCheck.Answer checkProfileExists(
      CurrentUser caller, @RequestBody(required = false) ProfileCheck.Request request) {
    return profileCheck.check(caller, request == null ? null : request.userId());
  }
}
