package io.fieldops.jobcard.client;

import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import tools.jackson.databind.JsonNode;

/**
 * The customer-service endpoints for seed 000's clients (its README, "clients"), called with the
 * caller's own bearer token: customer-service decides what that staff member may see and create.
 */
@HttpExchange(accept = "application/json")
interface CustomerServiceApi {

  /** 201 {@code created: true} with a new client; 200 {@code created: false} with the existing. */
  @PostExchange(url = "/api/v1/customers/clients/", contentType = "application/json")
  FoundOrCreated findOrCreate(@RequestBody ClientData client);

  /** 404 for a missing client and for another organisation's. */
  @GetExchange("/api/v1/customers/clients/{id}/")
  Client client(@PathVariable UUID id);

  /** Seed 000's check-client answer, messages included. */
  @GetExchange("/api/v1/customers/check-client/")
  JsonNode check(@RequestParam("mobile") String mobile);

  record FoundOrCreated(boolean created, Client client) {}

  record Client(
      UUID id,
      String fullName,
      String mobile,
      String email,
      String city,
      String address,
      String notes,
      Boolean isActive,
      Instant createdAt,
      Instant updatedAt) {}
}
