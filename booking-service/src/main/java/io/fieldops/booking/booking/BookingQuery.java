package io.fieldops.booking.booking;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A filter over an organisation's bookings; null members do not filter.
 *
 * @param phone part of the customer's phone as stored (E.164), digits compared
 * @param customer part of the customer's name, username or email, any case
 */
public record BookingQuery(
    LocalDate dateFrom,
    LocalDate dateTo,
    String status,
    String serviceName,
    String phone,
    String customer,
    UUID userId) {}
