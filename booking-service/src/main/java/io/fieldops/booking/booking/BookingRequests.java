package io.fieldops.booking.booking;

import io.fieldops.booking.rules.BookingDates;
import io.fieldops.booking.rules.BookingTimes;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the management endpoints. */
final class BookingRequests {

  private BookingRequests() {}

  /** {@code POST /api/v1/bookings/}: a customer books for themselves. */
  record Create(
      @NotBlank @Size(max = 200) String serviceName,
      @NotBlank @Schema(pattern = BookingDates.FORMATS) String bookingDate,
      @NotBlank @Schema(pattern = BookingTimes.FORMATS) String bookingTime,
      @Size(max = 2000) String notes) {}

  /** {@code POST /api/v1/bookings/{id}/reschedule/}. */
  record Reschedule(
      @NotBlank @Schema(pattern = BookingDates.FORMATS) String bookingDate,
      @NotBlank @Schema(pattern = BookingTimes.FORMATS) String bookingTime) {}

  /** {@code PATCH /api/v1/bookings/{id}/status/}: completed, cancelled or no_show. */
  record StatusChange(
      @NotNull @Schema(
              allowableValues = {"completed", "cancelled", "no_show"},
              description = "In any case")
          String status) {}
}
