package io.fieldops.booking.booking;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** A booking as the management endpoints answer it. */
public record BookingView(
    long id,
    String serviceName,
    LocalDate bookingDate,
    String bookingTime,
    String endTime,
    @Schema(allowableValues = {"upcoming", "completed", "cancelled", "no_show"}) String status,
    String notes,
    UUID userId,
    Customer customer,
    @Schema(
            allowableValues = {"agent", "customer", "staff"},
            description = "Who made the booking: the public agent booking, the customer, or staff")
        String source,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

  public record Customer(
      String username, String firstName, String lastName, String email, String phone) {}

  public static BookingView of(Booking b) {
    LocalTime endTime =
        b.getBookingTime().plus(java.time.Duration.between(b.getStartsAt(), b.getEndsAt()));
    return new BookingView(
        b.getId(),
        b.getServiceName(),
        b.getBookingDate(),
        time(b.getBookingTime()),
        time(endTime),
        b.status().value(),
        b.getNotes(),
        b.getUserId(),
        new Customer(
            b.getUsername(), b.getFirstName(), b.getLastName(), b.getEmail(), b.getPhone()),
        b.getSource(),
        b.getVersion(),
        b.getCreatedAt(),
        b.getUpdatedAt());
  }

  /** Seed 001: {@code "14:00:00"}, seconds always written. */
  public static String time(LocalTime time) {
    return time.format(HH_MM_SS);
  }
}
