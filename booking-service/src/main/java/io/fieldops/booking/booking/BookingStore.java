package io.fieldops.booking.booking;

import io.fieldops.booking.rules.Slot;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where capacity is enforced: by the exclusion constraint {@code booking_slot_capacity} (no two
 * upcoming bookings of an organisation on one seat overlap), not by reading first. A new booking
 * tries seats 1..capacity with {@code ON CONFLICT DO NOTHING}: PostgreSQL waits for a competing
 * uncommitted insert on that seat and then either takes the seat or moves on, so twenty parallel
 * requests for a slot of capacity 2 give exactly two bookings.
 */
@Component
class BookingStore {

  /** No booking has this id (ids start at 1). */
  private static final long NO_BOOKING = 0;

  private final JdbcClient jdbc;

  BookingStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The new booking's id, or empty when every seat of the slot is taken. */
  Optional<Long> insert(NewBooking booking, int capacity, Instant now) {
    for (int seat = 1; seat <= capacity; seat++) {
      Optional<Long> id =
          jdbc.sql(
                  """
                  insert into booking (org_id, user_id, service_name, booking_date, booking_time,
                      starts_at, ends_at, seat, status, notes, username, first_name, last_name,
                      email, phone, source, version, created_at, updated_at)
                  values (:org, :user, :service, :date, :time, :starts, :ends, :seat, 'upcoming',
                      :notes, :username, :firstName, :lastName, :email, :phone, :source, 0, :now,
                      :now)
                  on conflict do nothing
                  returning id
                  """)
              .param("org", booking.orgId())
              .param("user", booking.userId())
              .param("service", booking.serviceName())
              .param("date", booking.slot().date())
              .param("time", booking.slot().time())
              .param("starts", Timestamp.from(booking.slot().startsAt()))
              .param("ends", Timestamp.from(booking.slot().endsAt()))
              .param("seat", seat)
              .param("notes", booking.notes())
              .param("username", booking.person().username())
              .param("firstName", booking.person().firstName())
              .param("lastName", booking.person().lastName())
              .param("email", booking.person().email())
              .param("phone", booking.person().phone())
              .param("source", booking.source())
              .param("now", Timestamp.from(now))
              .query(Long.class)
              .optional();
      if (id.isPresent()) {
        return id;
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a seat of {@code slot} is free now. A read that may be out of date a moment later, so
   * {@link #insert} still decides.
   */
  boolean hasFreeSeat(UUID orgId, Slot slot, int capacity) {
    return freeSeat(orgId, slot, capacity, NO_BOOKING).isPresent();
  }

  /**
   * Moves an upcoming booking to {@code slot} on a seat no other upcoming booking holds then; false
   * when none is free, or when a concurrent change took the seat first (the constraint refuses).
   */
  boolean move(long id, UUID orgId, Slot slot, int capacity, long version, Instant now) {
    Optional<Integer> seat = freeSeat(orgId, slot, capacity, id);
    if (seat.isEmpty()) {
      return false;
    }
    try {
      int updated =
          jdbc.sql(
                  """
                  update booking set booking_date = :date, booking_time = :time,
                      starts_at = :starts, ends_at = :ends, seat = :seat,
                      version = version + 1, updated_at = :now
                  where id = :id and org_id = :org and version = :version
                    and status = 'upcoming'
                  """)
              .param("date", slot.date())
              .param("time", slot.time())
              .param("starts", Timestamp.from(slot.startsAt()))
              .param("ends", Timestamp.from(slot.endsAt()))
              .param("seat", seat.get())
              .param("now", Timestamp.from(now))
              .param("id", id)
              .param("org", orgId)
              .param("version", version)
              .update();
      if (updated == 0) {
        throw new org.springframework.dao.OptimisticLockingFailureException(
            "booking " + id + " changed meanwhile");
      }
      return true;
    } catch (DataIntegrityViolationException e) {
      // booking_slot_capacity: someone took that seat between the look and the update
      return false;
    }
  }

  /**
   * The lowest of the slot's seats 1..capacity that no upcoming booking overlapping it holds (in
   * the constraint's own terms), the booking {@code except} aside; empty when every seat is held.
   */
  private Optional<Integer> freeSeat(UUID orgId, Slot slot, int capacity, long except) {
    return jdbc.sql(
            """
            select s from generate_series(1, :capacity) s
            where not exists (
                select 1 from booking b
                where b.org_id = :org and b.seat = s and b.status = 'upcoming' and b.id <> :id
                  and tstzrange(b.starts_at, b.ends_at) && tstzrange(:starts, :ends))
            order by s limit 1
            """)
        .param("capacity", capacity)
        .param("org", orgId)
        .param("id", except)
        .param("starts", Timestamp.from(slot.startsAt()))
        .param("ends", Timestamp.from(slot.endsAt()))
        .query(Integer.class)
        .optional();
  }
}
