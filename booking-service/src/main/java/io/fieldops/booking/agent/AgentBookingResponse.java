package io.fieldops.booking.agent;

import io.fieldops.booking.booking.Booking;
import io.fieldops.booking.booking.BookingView;
import io.fieldops.booking.identity.Customer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Seed 001's success answer, member for member. */
record AgentBookingResponse(
    boolean success, String message, boolean userCreated, UUID userId, long bookingId, Data data) {

  /** {@code user} is the {@link Customer} as it stands, {@code created} included. */
  record Data(BookingPart booking, Customer user) {}

  record BookingPart(
      long id,
      String serviceName,
      LocalDate bookingDate,
      String bookingTime,
      @Schema(allowableValues = "upcoming") String status,
      String notes,
      Instant createdAt) {}

  static AgentBookingResponse of(Booking booking, Customer customer, String message) {
    return new AgentBookingResponse(
        true,
        message,
        customer.created(),
        customer.id(),
        booking.getId(),
        new Data(
            new BookingPart(
                booking.getId(),
                booking.getServiceName(),
                booking.getBookingDate(),
                BookingView.time(booking.getBookingTime()),
                booking.status().value(),
                booking.getNotes(),
                booking.getCreatedAt()),
            customer));
  }
}
