package io.fieldops.booking.booking;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the management endpoints. */
final class BookingRequests {

  private BookingRequests() {}

  /** {@code POST /api/v1/bookings/}: a customer books for themselves. */
  record Create(
      @NotBlank @Size(max = 200) String serviceName,
      @NotBlank String bookingDate,
      @NotBlank String bookingTime,
      @Size(max = 2000) String notes) {}

  /** {@code POST /api/v1/bookings/{id}/reschedule/}. */
  record Reschedule(@NotBlank String bookingDate, @NotBlank String bookingTime) {}

  /** {@code PATCH /api/v1/bookings/{id}/status/}: completed, cancelled or no_show. */
  record StatusChange(@NotNull String status) {}
}
