package io.fieldops.customer.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer as every endpoint answers it. {@code email}, {@code first_name}, {@code last_name} and
 * {@code phone_number} of a linked customer come from the caller's token (own profile) or from
 * auth-service, and are null when auth-service cannot answer; a standalone customer's {@code email}
 * is its own and its names are in {@code full_name}.
 */
public record CustomerResponse(
    UUID id,
    String code,
    UUID userId,
    String email,
    String firstName,
    String lastName,
    String phoneNumber,
    String fullName,
    String mobile,
    String notes,
    String streetAddress,
    String city,
    String state,
    String postalCode,
    String country,
    String companyName,
    String businessType,
    String taxId,
    String emergencyContactName,
    String emergencyContactPhone,
    String emergencyContactRelationship,
    boolean isVerified,
    LocalDate customerSince,
    LocalDate lastServiceDate,
    int totalServices,
    @Schema(allowableValues = {"email", "phone", "sms", "whatsapp"}) String preferredContactMethod,
    @Schema(allowableValues = {"individual", "business"}) String customerType,
    Notifications notificationPreferences,
    boolean isActive,
    Instant createdAt,
    Instant updatedAt) {

  public record Notifications(boolean email, boolean sms, boolean push) {}
}
