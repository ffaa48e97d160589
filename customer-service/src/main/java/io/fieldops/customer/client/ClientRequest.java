package io.fieldops.customer.client;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Seed 000's {@code client_data}: found by mobile in the organisation, created when missing. */
public record ClientRequest(
    @NotBlank @Size(max = 150) String fullName,
    @NotBlank @Size(max = 32) String mobile,
    @Email @Size(max = 254) String email,
    @Size(max = 100) String city,
    @Size(max = 255) String address,
    @Size(max = 2000) String notes) {}
