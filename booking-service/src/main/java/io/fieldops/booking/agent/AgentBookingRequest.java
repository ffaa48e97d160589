package io.fieldops.booking.agent;

/**
 * Seed 001's request body. Every member is text so that a missing or malformed one gets the seed's
 * own message ("Missing required field: phone", "Invalid date format") rather than a generic type
 * error. {@code organization} (id or slug) may also come as the {@code X-Organization} header.
 */
record AgentBookingRequest(
    String phone,
    String serviceName,
    String bookingDate,
    String bookingTime,
    String firstName,
    String lastName,
    String email,
    String gender,
    String country,
    String notes,
    String status,
    String organization) {}
