package io.fieldops.auth.profile;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/auth/profile/update/}: every member is optional; an absent (or null) one leaves
 * the field as it is. {@code phone_number: ""} removes the phone number.
 */
public record ProfileUpdateRequest(
    @Email @Size(max = 254) String email,
    @Size(max = 150) String firstName,
    @Size(max = 150) String lastName,
    @Size(max = 32) String phoneNumber) {}
