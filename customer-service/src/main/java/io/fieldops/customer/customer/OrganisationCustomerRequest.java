package io.fieldops.customer.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Seed 004's customer create ({@code POST /api/customers/}): a user's customer ({@code user_id}) or
 * a standalone one ({@code name}), in the caller's own {@code organization}.
 *
 * @param userId the user whose customer record is wanted; their existing one is answered
 * @param organization the caller's organisation id (any other is refused)
 * @param name a standalone customer's name
 * @param email a standalone customer's email; with {@code user_id} it is the user's email at
 *     auth-service, which this service does not store
 * @param customerType {@code individual} (default) or {@code business}
 */
public record OrganisationCustomerRequest(
    UUID userId,
    @Size(max = 64) String organization,
    @Size(max = 150) String name,
    @Email @Size(max = 254) String email,
    @Pattern(regexp = CustomerTypes.PATTERN, message = "{customer.customer-type.invalid}") @Schema(allowableValues = {"individual", "business"})
        String customerType) {

  /** The same request in the {@code /api/v1/customers/} form. */
  CustomerRequest asCustomerRequest() {
    boolean linked = userId != null;
    return new CustomerRequest(
        userId,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        customerType,
        linked ? null : name,
        null,
        linked ? null : email,
        null);
  }
}
