package io.fieldops.platform.events.sample;

import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class BookingService {

  private final BookingRepository bookings;
  private final Outbox outbox;

  BookingService(BookingRepository bookings, Outbox outbox) {
    this.bookings = bookings;
    this.outbox = outbox;
  }

  @Transactional
  public EventEnvelope<BookingCreated> create(UUID orgId, String title) {
    Booking booking = bookings.save(new Booking(UUID.randomUUID(), orgId, title));
    return outbox.publish(
        Topics.BOOKINGS,
        booking.getId(),
        EventEnvelope.of("booking.created", orgId, new BookingCreated(booking.getId(), title)));
  }

  /** Publishes, then fails before commit: neither the booking nor its event may survive. */
  @Transactional
  public void createThenFail(UUID orgId, String title) {
    create(orgId, title);
    throw new IllegalStateException("slot was taken meanwhile");
  }
}
