package io.fieldops.auth.provisioning;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What booking-service knows about a caller of the public agent booking (seed 001): a phone number
 * and perhaps a name, email, gender and country. {@code organization} is an id or slug; absent
 * means the deployment's default organisation. {@code gender} is read by the platform's one rule
 * ({@code person.Gender}: male, female or other).
 */
public record ProvisionRequest(
    @Size(max = 100) String organization,
    @NotBlank @Size(max = 32) String phone,
    @Size(max = 150) String firstName,
    @Size(max = 150) String lastName,
    @Email @Size(max = 254) String email,
    @Size(max = 20) String gender,
    @Size(max = 100) String country) {}
