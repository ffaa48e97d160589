package io.fieldops.customer.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The writable members of a customer. Every member is optional: on an update an absent (or null)
 * member leaves the field as it is and {@code ""} clears it. {@code user_id} is for the staff
 * create only (seed 004); {@code full_name}, {@code mobile}, {@code email} and {@code notes} belong
 * to standalone customers, whose identity no user account holds.
 */
public record CustomerRequest(
    UUID userId,
    @Size(max = 255) String streetAddress,
    @Size(max = 100) String city,
    @Size(max = 100) String state,
    @Size(max = 20) @Pattern(regexp = "[\\p{L}\\p{Nd} \\-]*", message = "{customer.postal-code.invalid}") String postalCode,
    @Size(max = 100) String country,
    @Size(max = 200) String companyName,
    @Size(max = 100) String businessType,
    @Size(max = 50) String taxId,
    @Size(max = 150) String emergencyContactName,
    @Size(max = 32) String emergencyContactPhone,
    @Size(max = 50) String emergencyContactRelationship,
    @Pattern(regexp = ContactMethods.PATTERN, message = "{customer.contact-method.invalid}") @Schema(allowableValues = {"email", "phone", "sms", "whatsapp"})
        String preferredContactMethod,
    @Valid NotificationPreferences notificationPreferences,
    @Pattern(regexp = CustomerTypes.PATTERN, message = "{customer.customer-type.invalid}") @Schema(allowableValues = {"individual", "business"})
        String customerType,
    @Size(max = 150) String fullName,
    @Size(max = 32) String mobile,
    @Email @Size(max = 254) String email,
    @Size(max = 2000) String notes) {

  /** Which channels may notify the customer; an absent member stays as it is. */
  public record NotificationPreferences(Boolean email, Boolean sms, Boolean push) {}
}
