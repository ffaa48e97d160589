package io.fieldops.booking.booking;

import io.fieldops.booking.rules.BookingSchedule;
import io.fieldops.booking.rules.BookingStatus;
import io.fieldops.booking.rules.FreeSlots;
import io.fieldops.booking.rules.Slot;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.error.ProblemException;
import io.fieldops.platform.web.ETags;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing bookings. Callers have already checked the rules ({@code
 * rules.BookingRules}); what is left here is what only the database can decide (a free seat, the
 * current version) and the event that commits with the change.
 */
@Service
public class Bookings {

  private static final Logger log = LoggerFactory.getLogger(Bookings.class);

  private final BookingStore store;
  private final BookingRepository repository;
  private final BookingEvents events;
  private final EntityManager entityManager;
  private final Clock clock;

  Bookings(
      BookingStore store,
      BookingRepository repository,
      BookingEvents events,
      EntityManager entityManager,
      Clock clock) {
    this.store = store;
    this.repository = repository;
    this.events = events;
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /**
   * Inserts the booking on a free seat and publishes {@code booking.created}, in the caller's
   * transaction when there is one (the agent endpoint adds its idempotency record to it).
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public Booking create(NewBooking booking, BookingSchedule schedule) {
    Instant now = clock.instant();
    long id = store.insert(booking, schedule.capacity(), now).orElseThrow(SlotTakenException::new);
    Booking created = repository.findById(id).orElseThrow();
    events.created(created);
    log.info(
        "Booking {} created for user {} in {} at {} ({})",
        id,
        booking.userId(),
        booking.orgId(),
        booking.slot().startsAt(),
        booking.source());
    return created;
  }

  /**
   * Whether {@code slot} has a seat free now. Only a first look, for a caller that would otherwise
   * do work (or ask a peer to) for a plainly full slot: {@link #create} still settles a race for
   * the last seat.
   */
  @Transactional(readOnly = true)
  public boolean hasFreeSeat(UUID orgId, Slot slot, BookingSchedule schedule) {
    return store.hasFreeSeat(orgId, slot, schedule.capacity());
  }

  /** Active bookings of {@code orgId} overlapping [from, to). */
  @Transactional(readOnly = true)
  public List<FreeSlots.Busy> busy(UUID orgId, Instant from, Instant to) {
    return repository.findAll(BookingSpecifications.activeBetween(orgId, from, to)).stream()
        .map(b -> new FreeSlots.Busy(b.getStartsAt(), b.getEndsAt()))
        .toList();
  }

  /** A page (1-based) of the organisation's bookings matching {@code query}, in time order. */
  @Transactional(readOnly = true)
  public BookingPage list(UUID orgId, BookingQuery query, int page, int size) {
    Page<Booking> found =
        repository.findAll(
            BookingSpecifications.matching(orgId, query),
            PageRequest.of(
                page - 1, size, Sort.by("bookingDate", "bookingTime", "id").ascending()));
    return new BookingPage(
        found.getTotalElements(), page, size, found.map(BookingView::of).toList());
  }

  /** The booking of {@code orgId}; with {@code owner}, only if it is theirs (else 404 too). */
  @Transactional(readOnly = true)
  public Booking visible(UUID orgId, long id, UUID owner) {
    Booking booking = get(orgId, id);
    if (owner != null && !booking.getUserId().equals(owner)) {
      throw NotFoundException.of("Booking");
    }
    return booking;
  }

  @Transactional(readOnly = true)
  public Booking get(UUID orgId, long id) {
    return repository
        .findByIdAndOrgId(id, orgId)
        .orElseThrow(() -> NotFoundException.of("Booking"));
  }

  /** upcoming -> completed | cancelled | no_show; anything else is refused with 409. */
  @Transactional
  public Booking changeStatus(
      UUID orgId, long id, BookingStatus next, Long expectedVersion, UUID by) {
    Booking booking = get(orgId, id);
    checkVersion(booking, expectedVersion);
    BookingStatus current = booking.status();
    if (!current.canBecome(next)) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "invalid-status-transition",
          "booking.status.transition",
          current.value(),
          next.value());
    }
    booking.changeStatus(next, clock.instant());
    repository.saveAndFlush(booking);
    events.statusChanged(booking, "booking." + next.value(), by);
    log.info("Booking {} of {} is now {}", id, orgId, next.value());
    return booking;
  }

  /** Moves an upcoming booking; the caller checked the rules for {@code slot}. */
  @Transactional
  public Booking reschedule(
      UUID orgId, long id, Slot slot, BookingSchedule schedule, Long expectedVersion, UUID by) {
    Booking booking = get(orgId, id);
    checkVersion(booking, expectedVersion);
    if (!booking.status().isActive()) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "not-upcoming", "booking.not-upcoming", booking.status().value());
    }
    LocalDate previousDate = booking.getBookingDate();
    String previousTime = BookingView.time(booking.getBookingTime());
    if (!store.move(id, orgId, slot, schedule.capacity(), booking.getVersion(), clock.instant())) {
      throw new SlotTakenException();
    }
    entityManager.refresh(booking);
    events.rescheduled(booking, previousDate, previousTime, by);
    log.info("Booking {} of {} moved to {}", id, orgId, slot.startsAt());
    return booking;
  }

  private static void checkVersion(Booking booking, Long expectedVersion) {
    ETags.requireVersion(expectedVersion, booking.getVersion());
  }
}
