package io.fieldops.booking.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * The user a booking is for, as auth-service found or created them; {@code phone} (and {@code
 * username}, for a user known by phone only) is the number as the caller first wrote it.
 *
 * @param created whether auth-service created the user for this request
 */
@Schema(name = "AgentBookingUser") // BookingView.Customer is the document's "Customer"
public record Customer(
    UUID id,
    String username,
    String firstName,
    String lastName,
    String email,
    String phone,
    boolean isActive,
    boolean created) {}
