package io.fieldops.customer.customer;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.web.ETags;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Seed 002's customer management and seed 004's create, for staff of the organisation. */
@RestController
class CustomerController {

  private final Customers customers;
  private final CustomerSearch search;
  private final CustomerStats stats;

  CustomerController(Customers customers, CustomerSearch search, CustomerStats stats) {
    this.customers = customers;
    this.search = search;
    this.stats = stats;
  }

  @GetMapping("/api/v1/customers")
  CustomerPage list(
      CurrentUser caller,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) String search,
      @RequestParam(name = "is_verified", required = false) Boolean verified,
      @RequestParam(name = "linked", required = false) Boolean linked) {
    return this.search.list(caller, page, size, search, verified, linked);
  }

  /** Seed 004: 200 with the user's existing customer, else 201 with a new one. */
  @PostMapping("/api/v1/customers")
  ResponseEntity<CustomerResponse> create(
      CurrentUser caller, @Valid @RequestBody CustomerRequest request) {
    return CustomerResponses.createdOrExisting(customers.create(caller, request));
  }

  /**
   * Seed 004's path and body ({@code user_id}, {@code organization}, {@code name}, {@code email},
   * {@code customer_type}): the same create as above, in the caller's own organisation.
   */
  @PostMapping("/api/customers")
  ResponseEntity<CustomerResponse> createAsSeed004(
      CurrentUser caller, @Valid @RequestBody OrganisationCustomerRequest request) {
    if (request.organization() != null
        && !request.organization().strip().equalsIgnoreCase(caller.orgId().toString())) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed",
          Map.of("organization", "customer.organization.other"));
    }
    return CustomerResponses.createdOrExisting(
        customers.create(caller, request.asCustomerRequest()));
  }

  @GetMapping("/api/v1/customers/{id}")
  ResponseEntity<CustomerResponse> get(CurrentUser caller, @PathVariable UUID id) {
    return CustomerResponses.ok(customers.get(caller, id));
  }

  @PatchMapping("/api/v1/customers/{id}")
  ResponseEntity<CustomerResponse> update(
      CurrentUser caller,
      @PathVariable UUID id,
      @Valid @RequestBody CustomerRequest request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return CustomerResponses.ok(customers.update(caller, id, request, ETags.version(ifMatch)));
  }

  @GetMapping("/api/v1/customers/by_user_id")
  ResponseEntity<CustomerResponse> byUserId(
      CurrentUser caller, @RequestParam("user_id") UUID userId) {
    return CustomerResponses.ok(customers.byUserId(caller, userId));
  }

  @PostMapping("/api/v1/customers/{id}/increment_service")
  ResponseEntity<CustomerResponse> incrementService(CurrentUser caller, @PathVariable UUID id) {
    return CustomerResponses.ok(customers.incrementService(caller, id));
  }

  @PostMapping("/api/v1/customers/{id}/verify")
  ResponseEntity<CustomerResponse> verify(CurrentUser caller, @PathVariable UUID id) {
    return CustomerResponses.ok(customers.verify(caller, id));
  }

  @GetMapping("/api/v1/customers/stats")
  CustomerStats.Stats stats(CurrentUser caller) {
    return stats.stats(caller);
  }
}
