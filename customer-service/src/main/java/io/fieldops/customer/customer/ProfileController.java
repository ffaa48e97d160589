package io.fieldops.customer.customer;

import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.web.ETags;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Seed 002's profile of the caller; names and email come from the caller's token. */
@RestController
class ProfileController {

  private final Customers customers;

  ProfileController(Customers customers) {
    this.customers = customers;
  }

  @GetMapping("/api/v1/customers/profile")
  ResponseEntity<CustomerResponse> profile(CurrentUser caller) {
    return CustomerResponses.ok(customers.profile(caller));
  }

  /** 201 with the new profile; 200 with the existing one, unchanged, when there is one already. */
  @PostMapping("/api/v1/customers/profile/create")
  ResponseEntity<CustomerResponse> create(
      CurrentUser caller, @Valid @RequestBody CustomerRequest request) {
    return CustomerResponses.createdOrExisting(customers.createProfile(caller, request));
  }

  @PatchMapping("/api/v1/customers/profile/update")
  ResponseEntity<CustomerResponse> update(
      CurrentUser caller,
      @Valid @RequestBody CustomerRequest request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return CustomerResponses.ok(customers.updateProfile(caller, request, ETags.version(ifMatch)));
  }

  @DeleteMapping("/api/v1/customers/profile/delete")
  ResponseEntity<Void> delete(CurrentUser caller) {
    customers.deleteProfile(caller);
    return ResponseEntity.noContent().build();
  }
}
