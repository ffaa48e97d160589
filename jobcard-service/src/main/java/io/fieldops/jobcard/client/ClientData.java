package io.fieldops.jobcard.client;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Seed 000's {@code client_data}: the client found by mobile in the organisation, or created with
 * these members. The mobile's rule is the suite's one phone rule, applied by customer-service.
 */
public record ClientData(
    @NotBlank(message = "{jobcard.field.required}") @Size(max = 150) String fullName,
    @NotBlank(message = "{jobcard.field.required}") @Size(max = 32) String mobile,
    @Email @Size(max = 254) String email,
    @Size(max = 100) String city,
    @Size(max = 255) String address,
    @Size(max = 2000) String notes) {}
