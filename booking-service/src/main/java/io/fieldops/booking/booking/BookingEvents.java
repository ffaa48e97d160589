package io.fieldops.booking.booking;

import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The events of topic {@code bookings} (key: the booking id), published through the outbox in the
 * transaction of the change. Payloads are documented in the README ("Events").
 */
@Component
class BookingEvents {

  static final String CREATED = "booking.created";
  static final String RESCHEDULED = "booking.rescheduled";
  static final String CANCELLED = "booking.cancelled";
  static final String COMPLETED = "booking.completed";
  static final String NO_SHOW = "booking.no_show";

  private final Outbox outbox;

  BookingEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Everything seed 001's WebSocket message {@code booking_created} needs, and more. */
  record Created(
      long id,
      String serviceName,
      LocalDate bookingDate,
      String bookingTime,
      Instant startsAt,
      Instant endsAt,
      String status,
      String notes,
      UUID userId,
      String source,
      Instant createdAt,
      UserDetails userDetails) {}

  record UserDetails(UUID id, String username, String firstName, String lastName, String email) {}

  record Rescheduled(
      long id,
      UUID userId,
      String serviceName,
      LocalDate bookingDate,
      String bookingTime,
      Instant startsAt,
      Instant endsAt,
      LocalDate previousBookingDate,
      String previousBookingTime,
      UUID changedBy) {}

  /** {@code booking.cancelled}, {@code booking.completed} and {@code booking.no_show}. */
  record StatusChanged(
      long id,
      UUID userId,
      String serviceName,
      LocalDate bookingDate,
      String bookingTime,
      String status,
      LocalDate completedOn,
      Instant changedAt,
      UUID changedBy) {}

  void created(Booking booking) {
    publish(
        booking,
        CREATED,
        new Created(
            booking.getId(),
            booking.getServiceName(),
            booking.getBookingDate(),
            BookingView.time(booking.getBookingTime()),
            booking.getStartsAt(),
            booking.getEndsAt(),
            booking.status().value(),
            booking.getNotes(),
            booking.getUserId(),
            booking.getSource(),
            booking.getCreatedAt(),
            new UserDetails(
                booking.getUserId(),
                booking.getUsername(),
                booking.getFirstName(),
                booking.getLastName(),
                booking.getEmail())));
  }

  void rescheduled(Booking booking, LocalDate previousDate, String previousTime, UUID by) {
    publish(
        booking,
        RESCHEDULED,
        new Rescheduled(
            booking.getId(),
            booking.getUserId(),
            booking.getServiceName(),
            booking.getBookingDate(),
            BookingView.time(booking.getBookingTime()),
            booking.getStartsAt(),
            booking.getEndsAt(),
            previousDate,
            previousTime,
            by));
  }

  /** Completion is dated by the booking's own date (when the service was given). */
  void statusChanged(Booking booking, String type, UUID by) {
    publish(
        booking,
        type,
        new StatusChanged(
            booking.getId(),
            booking.getUserId(),
            booking.getServiceName(),
            booking.getBookingDate(),
            BookingView.time(booking.getBookingTime()),
            booking.status().value(),
            COMPLETED.equals(type) ? booking.getBookingDate() : null,
            booking.getStatusChangedAt(),
            by));
  }

  private void publish(Booking booking, String type, Object data) {
    outbox.publish(
        Topics.BOOKINGS,
        booking.getId().toString(),
        EventEnvelope.of(type, booking.getOrgId(), data));
  }
}
