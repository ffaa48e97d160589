package io.fieldops.booking.agent;

import io.fieldops.booking.booking.Booking;
import io.fieldops.booking.booking.Bookings;
import io.fieldops.booking.booking.NewBooking;
import io.fieldops.booking.booking.Scheduling;
import io.fieldops.booking.booking.SlotTakenException;
import io.fieldops.booking.identity.AuthService;
import io.fieldops.booking.identity.Customer;
import io.fieldops.booking.identity.NewCustomer;
import io.fieldops.booking.identity.Organization;
import io.fieldops.booking.rules.BookingSchedule;
import io.fieldops.booking.rules.BookingStatus;
import io.fieldops.booking.rules.Slot;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.events.idempotency.IdempotencyKeys;
import io.fieldops.platform.events.idempotency.IdempotentRequest;
import io.fieldops.platform.events.idempotency.StoredAnswer;
import io.fieldops.platform.person.Gender;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 001's public agent booking, in an order that never leaves anything half-written: the input
 * and the rules first, a full slot included (nothing is asked of anyone yet but which organisation
 * is meant), then the user at auth-service (find-or-create, idempotent, so a failure there leaves
 * nothing behind), then one local transaction holding the booking, its idempotency record and its
 * outbox event.
 */
@Service
class AgentBooking {

  /** The Idempotency-Key store's name for this endpoint. */
  static final String OPERATION = "agent-booking";

  private static final Map<String, Integer> LIMITS =
      Map.of(
          "phone", AgentBookingRequest.PHONE_MAX,
          "service_name", AgentBookingRequest.SERVICE_NAME_MAX,
          "first_name", AgentBookingRequest.FIRST_NAME_MAX,
          "last_name", AgentBookingRequest.LAST_NAME_MAX,
          "email", AgentBookingRequest.EMAIL_MAX,
          "country", AgentBookingRequest.COUNTRY_MAX,
          "notes", AgentBookingRequest.NOTES_MAX);

  private final AuthService authService;
  private final Bookings bookings;
  private final Scheduling scheduling;
  private final IdempotencyKeys idempotency;
  private final JsonMapper json;
  private final MessageSource messages;

  AgentBooking(
      AuthService authService,
      Bookings bookings,
      Scheduling scheduling,
      IdempotencyKeys idempotency,
      JsonMapper json,
      MessageSource messages) {
    this.authService = authService;
    this.bookings = bookings;
    this.scheduling = scheduling;
    this.idempotency = idempotency;
    this.json = json;
    this.messages = messages;
  }

  StoredAnswer book(AgentBookingRequest request, String organizationHeader, String idempotencyKey) {
    checkFields(request);
    String gender = Gender.read(request.gender(), "gender");
    Organization organization = organization(request.organization(), organizationHeader);
    Optional<IdempotentRequest> key =
        idempotency.key(idempotencyKey, OPERATION, organization.id(), request);
    // a retry is answered before anything is asked of auth-service again
    Optional<StoredAnswer> earlier = key.flatMap(idempotency::replay);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    BookingSchedule schedule = scheduling.schedule(organization.id(), organization.order());
    Slot slot = scheduling.slot(request.bookingDate(), request.bookingTime(), schedule);
    if (!bookings.hasFreeSeat(organization.id(), slot, schedule)) {
      // refused before auth-service is asked, so a refused booking creates no user; a duplicate
      // whose first request took the last seat since the replay above gets that request's answer
      return key.flatMap(idempotency::replay).orElseThrow(SlotTakenException::new);
    }
    Customer customer =
        authService.findOrCreate(
            organization,
            new NewCustomer(
                request.phone().strip(),
                blankToNull(request.firstName()),
                blankToNull(request.lastName()),
                blankToNull(request.email()),
                gender,
                blankToNull(request.country())));
    return idempotency.execute(
        key,
        () -> {
          Booking booking =
              bookings.create(
                  new NewBooking(
                      organization.id(),
                      customer.id(),
                      request.serviceName().strip(),
                      slot,
                      blankToNull(request.notes()),
                      new NewBooking.Person(
                          customer.username(),
                          customer.firstName(),
                          customer.lastName(),
                          customer.email(),
                          customer.phone()),
                      "agent"),
                  schedule);
          return new StoredAnswer(
              HttpStatus.CREATED.value(),
              json.valueToTree(
                  AgentBookingResponse.of(booking, customer, message("booking.created"))));
        });
  }

  /**
   * The organisation the booking is for: the body's {@code organization} or the {@code
   * X-Organization} header (id or slug), the default one when neither is given. Blank is absent, so
   * a blank body member never overrides the header; a body and a header naming two different
   * organisations is refused (400 naming {@code organization}) rather than one silently winning,
   * which would book into an organisation the caller did not mean.
   */
  private Organization organization(String inBody, String inHeader) {
    String body = blankToNull(inBody);
    String header = blankToNull(inHeader);
    Organization organization = authService.organization(body != null ? body : header);
    if (body != null
        && header != null
        && !authService.organization(header).id().equals(organization.id())) {
      throw new BadRequestException(
          "booking.organization.conflict", Map.of("organization", "booking.organization.conflict"));
    }
    return organization;
  }

  /** The seed's "Missing required field: x" in the seed's order, then lengths and status. */
  private void checkFields(AgentBookingRequest request) {
    Map<String, String> required = new LinkedHashMap<>();
    required.put("phone", request.phone());
    required.put("service_name", request.serviceName());
    required.put("booking_date", request.bookingDate());
    required.put("booking_time", request.bookingTime());
    for (var field : required.entrySet()) {
      if (field.getValue() == null || field.getValue().isBlank()) {
        throw new BadRequestException(
            "booking.missing-field",
            Map.of(field.getKey(), "booking.field.required"),
            field.getKey());
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("phone", request.phone());
    values.put("service_name", request.serviceName());
    values.put("first_name", request.firstName());
    values.put("last_name", request.lastName());
    values.put("email", request.email());
    values.put("country", request.country());
    values.put("notes", request.notes());
    for (var field : values.entrySet()) {
      if (field.getValue() != null
          && field.getValue().strip().length() > LIMITS.get(field.getKey())) {
        throw new BadRequestException(
            "booking.field.too-long",
            Map.of(field.getKey(), message("booking.field.too-long", LIMITS.get(field.getKey()))),
            LIMITS.get(field.getKey()));
      }
    }
    if (request.status() != null
        && !request.status().isBlank()
        && BookingStatus.fromValue(request.status())
            .filter(s -> s == BookingStatus.UPCOMING)
            .isEmpty()) {
      throw new BadRequestException(
          "booking.status.new-must-be-upcoming",
          Map.of("status", "booking.status.new-must-be-upcoming"));
    }
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
