package io.fieldops.customer.client;

import io.fieldops.customer.customer.Customer;
import java.time.Instant;
import java.util.UUID;

/** A client exactly as seed 000's check-client shows it ({@code address} is the street address). */
public record ClientResponse(
    UUID id,
    String fullName,
    String mobile,
    String email,
    String city,
    String address,
    String notes,
    boolean isActive,
    Instant createdAt,
    Instant updatedAt) {

  static ClientResponse of(Customer c) {
    return new ClientResponse(
        c.getId(),
        c.getFullName(),
        c.getMobile(),
        c.getEmail(),
        c.getCity(),
        c.getStreetAddress(),
        c.getNotes(),
        c.isActive(),
        c.getCreatedAt(),
        c.getUpdatedAt());
  }
}
