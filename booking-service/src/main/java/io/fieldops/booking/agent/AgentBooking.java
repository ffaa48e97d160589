package io.fieldops.booking.agent;

import io.fieldops.booking.booking.Booking;
import io.fieldops.booking.booking.Bookings;
import io.fieldops.booking.booking.NewBooking;
import io.fieldops.booking.booking.Scheduling;
import io.fieldops.booking.identity.AuthService;
import io.fieldops.booking.identity.Customer;
import io.fieldops.booking.identity.NewCustomer;
import io.fieldops.booking.identity.Organization;
import io.fieldops.booking.rules.BookingSchedule;
import io.fieldops.booking.rules.BookingStatus;
import io.fieldops.booking.rules.Slot;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.BusinessRuleException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 001's public agent booking, in an order that never leaves anything half-written: the input
 * and the rules first (nothing is asked of anyone yet but which organisation is meant), then the
 * user at auth-service (find-or-create, idempotent, so a failure there leaves nothing behind), then
 * one local transaction holding the booking, its idempotency record and its outbox event.
 */
@Service
class AgentBooking {

  /** An answer to give: a new one or the first one given for the same Idempotency-Key. */
  record Answer(int status, JsonNode body) {}

  /** The column's size ({@code idempotency_record.idempotency_key}). */
  static final int MAX_KEY_LENGTH = 200;

  private static final Map<String, Integer> LIMITS =
      Map.of(
          "phone", 32,
          "service_name", 200,
          "first_name", 150,
          "last_name", 150,
          "email", 254,
          "gender", 32,
          "country", 100,
          "notes", 2000);

  private final AuthService authService;
  private final Bookings bookings;
  private final Scheduling scheduling;
  private final IdempotencyRecords idempotency;
  private final TransactionTemplate transaction;
  private final JsonMapper json;
  private final MessageSource messages;

  AgentBooking(
      AuthService authService,
      Bookings bookings,
      Scheduling scheduling,
      IdempotencyRecords idempotency,
      TransactionTemplate transaction,
      JsonMapper json,
      MessageSource messages) {
    this.authService = authService;
    this.bookings = bookings;
    this.scheduling = scheduling;
    this.idempotency = idempotency;
    this.transaction = transaction;
    this.json = json;
    this.messages = messages;
  }

  Answer book(AgentBookingRequest request, String organizationHeader, String idempotencyKey) {
    checkFields(request);
    String named = request.organization() != null ? request.organization() : organizationHeader;
    Organization organization = authService.organization(named);
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
    if (key != null && key.length() > MAX_KEY_LENGTH) {
      throw new BadRequestException(
          "booking.idempotency.too-long",
          Map.of("Idempotency-Key", message("booking.field.too-long", MAX_KEY_LENGTH)),
          MAX_KEY_LENGTH);
    }
    String hash = key == null ? null : hash(request, organization);
    if (key != null) {
      Optional<Answer> earlier = replay(organization, key, hash);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    BookingSchedule schedule = scheduling.schedule(organization.id(), organization.order());
    Slot slot = scheduling.slot(request.bookingDate(), request.bookingTime(), schedule);
    Customer customer =
        authService.findOrCreate(
            organization,
            new NewCustomer(
                request.phone().strip(),
                blankToNull(request.firstName()),
                blankToNull(request.lastName()),
                blankToNull(request.email()),
                blankToNull(request.gender()),
                blankToNull(request.country())));
    try {
      return transaction.execute(
          status -> {
            if (key != null && !idempotency.claim(organization.id(), key, hash)) {
              throw new KeyTaken();
            }
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
            JsonNode body =
                json.valueToTree(
                    AgentBookingResponse.of(booking, customer, message("booking.created")));
            if (key != null) {
              idempotency.answer(
                  organization.id(),
                  key,
                  HttpStatus.CREATED.value(),
                  json.writeValueAsString(body));
            }
            return new Answer(HttpStatus.CREATED.value(), body);
          });
    } catch (KeyTaken e) {
      // a concurrent request with this key committed first: its answer is ours
      return replay(organization, key, hash)
          .orElseThrow(() -> new BusinessRuleException("booking.idempotency.in-progress"));
    }
  }

  private Optional<Answer> replay(Organization organization, String key, String hash) {
    return idempotency
        .find(organization.id(), key)
        .map(
            stored -> {
              if (!stored.requestHash().equals(hash)) {
                throw new BusinessRuleException(
                    "booking.idempotency.mismatch",
                    Map.of("Idempotency-Key", "booking.idempotency.mismatch"));
              }
              return new Answer(stored.status(), json.readTree(stored.body()));
            });
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
    values.put("gender", request.gender());
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

  private String hash(AgentBookingRequest request, Organization organization) {
    String canonical = organization.id() + "|" + json.writeValueAsString(request);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Thrown inside the transaction to roll it back when the key belongs to another request. */
  private static final class KeyTaken extends RuntimeException {
    KeyTaken() {
      super(null, null, false, false);
    }
  }
}
