package io.fieldops.booking.booking;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A filter over an organisation's bookings; null members do not filter.
 *
 * @param phone the customer's phone however it is written ({@code 081-234-5670}, {@code +66 81 234
 *     5670}): bookings whose stored phone holds its national digits
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
