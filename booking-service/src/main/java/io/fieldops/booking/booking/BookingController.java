package io.fieldops.booking.booking;

import io.fieldops.booking.rules.BookingSchedule;
import io.fieldops.booking.rules.BookingStatus;
import io.fieldops.booking.rules.Slot;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Role;
import io.fieldops.platform.web.ETags;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bookings for signed-in users. A customer books, lists, cancels and reschedules their own; staff
 * (AGENT, SUPERVISOR, ADMIN) see and change every booking of their organisation. A booking of
 * another organisation, or another customer's for a customer, answers 404 like a missing one.
 */
@RestController
@RequestMapping("/api/v1/bookings")
@Validated
class BookingController {

  private final Bookings bookings;
  private final Scheduling scheduling;

  BookingController(Bookings bookings, Scheduling scheduling) {
    this.bookings = bookings;
    this.scheduling = scheduling;
  }

  @PostMapping
  ResponseEntity<BookingView> create(
      @Valid @RequestBody BookingRequests.Create request, CurrentUser user) {
    BookingSchedule schedule = scheduling.schedule(user.orgId());
    Slot slot = scheduling.slot(request.bookingDate(), request.bookingTime(), schedule);
    String notes =
        request.notes() == null || request.notes().isBlank() ? null : request.notes().strip();
    Booking booking =
        bookings.create(
            new NewBooking(
                user.orgId(),
                user.id(),
                request.serviceName().strip(),
                slot,
                notes,
                new NewBooking.Person(
                    user.phoneNumber() != null ? user.phoneNumber() : user.email(),
                    user.givenName(),
                    user.familyName(),
                    user.email(),
                    user.phoneNumber()),
                "customer"),
            schedule);
    return answer(HttpStatus.CREATED, booking);
  }

  @GetMapping
  BookingPage list(
      CurrentUser user,
      @RequestParam(name = "date_from", required = false) LocalDate dateFrom,
      @RequestParam(name = "date_to", required = false) LocalDate dateTo,
      @RequestParam(name = "status", required = false)
          @Parameter(
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"upcoming", "completed", "cancelled", "no_show"},
                      description = "In any case"))
          String status,
      @RequestParam(name = "service_name", required = false) String serviceName,
      @RequestParam(name = "phone", required = false) String phone,
      @RequestParam(name = "customer", required = false) String customer,
      @RequestParam(name = "user_id", required = false) UUID userId,
      @RequestParam(name = "page", defaultValue = "1") @Min(1) int page,
      @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
    if (status != null && BookingStatus.fromValue(status).isEmpty()) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("status", "booking.filter.status.invalid"));
    }
    if (dateFrom != null && dateTo != null && dateTo.isBefore(dateFrom)) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("date_to", "booking.filter.range.invalid"));
    }
    // a customer's list is their own, whatever they ask for
    UUID owner = isStaff(user) ? userId : user.id();
    BookingQuery query =
        new BookingQuery(
            dateFrom,
            dateTo,
            status == null ? null : BookingStatus.fromValue(status).orElseThrow().value(),
            blankToNull(serviceName),
            blankToNull(phone),
            blankToNull(customer),
            owner);
    return bookings.list(user.orgId(), query, page, size);
  }

  @GetMapping("/{id}")
  ResponseEntity<BookingView> get(@PathVariable long id, CurrentUser user) {
    return answer(
        HttpStatus.OK, bookings.visible(user.orgId(), id, isStaff(user) ? null : user.id()));
  }

  @PostMapping("/{id}/cancel")
  ResponseEntity<BookingView> cancel(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      CurrentUser user) {
    visible(id, user);
    Booking booking =
        bookings.changeStatus(
            user.orgId(), id, BookingStatus.CANCELLED, ETags.version(ifMatch), user.id());
    return answer(HttpStatus.OK, booking);
  }

  @PostMapping("/{id}/reschedule")
  ResponseEntity<BookingView> reschedule(
      @PathVariable long id,
      @Valid @RequestBody BookingRequests.Reschedule request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      CurrentUser user) {
    visible(id, user);
    BookingSchedule schedule = scheduling.schedule(user.orgId());
    Slot slot = scheduling.slot(request.bookingDate(), request.bookingTime(), schedule);
    Booking booking =
        bookings.reschedule(user.orgId(), id, slot, schedule, ETags.version(ifMatch), user.id());
    return answer(HttpStatus.OK, booking);
  }

  @PatchMapping("/{id}/status")
  ResponseEntity<BookingView> status(
      @PathVariable long id,
      @Valid @RequestBody BookingRequests.StatusChange request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      CurrentUser user) {
    user.requireRole(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
    BookingStatus next =
        BookingStatus.fromValue(request.status())
            .filter(s -> s != BookingStatus.UPCOMING)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "fieldops.problem.validation-failed",
                        Map.of("status", "booking.status.invalid")));
    Booking booking =
        bookings.changeStatus(user.orgId(), id, next, ETags.version(ifMatch), user.id());
    return answer(HttpStatus.OK, booking);
  }

  /** The booking if {@code user} may see it; 404 otherwise, as for a missing one. */
  private void visible(long id, CurrentUser user) {
    bookings.visible(user.orgId(), id, isStaff(user) ? null : user.id());
  }

  /** Staff of level 1 and up work every booking; anyone else only their own. */
  static boolean isStaff(CurrentUser user) {
    return user.worksOrganisationData();
  }

  private static ResponseEntity<BookingView> answer(HttpStatus status, Booking booking) {
    return ResponseEntity.status(status)
        .eTag(ETags.tag(booking.getVersion()))
        .body(BookingView.of(booking));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
