package io.fieldops.booking.agent;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.fieldops.booking.rules.BookingDates;
import io.fieldops.booking.rules.BookingTimes;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Seed 001's request body. Every member is text so that a missing or malformed one gets the seed's
 * own message ("Missing required field: phone", "Invalid date format") rather than a generic type
 * error; {@link AgentBooking} checks them in the seed's order. The annotations only tell the API
 * document what those checks accept. {@code organization} (id or slug) may also come as the {@code
 * X-Organization} header.
 */
record AgentBookingRequest(
    @Schema(
            requiredMode = REQUIRED,
            maxLength = PHONE_MAX,
            pattern = NOT_BLANK,
            description =
                "The user's mobile number, also their username; spaces, dashes, dots and"
                    + " parentheses are ignored",
            example = "0812345678")
        String phone,
    @Schema(
            requiredMode = REQUIRED,
            maxLength = SERVICE_NAME_MAX,
            pattern = NOT_BLANK,
            example = "Legal Consultation")
        String serviceName,
    @Schema(
            requiredMode = REQUIRED,
            pattern = BookingDates.FORMATS,
            description =
                "YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, DD-MM-YYYY or MM-DD-YYYY; a date whose"
                    + " day and month could be either is read in the organisation's order",
            example = "2030-10-21")
        String bookingDate,
    @Schema(
            requiredMode = REQUIRED,
            pattern = BookingTimes.FORMATS,
            description = "HH:MM, HH:MM:SS, HH:MM AM/PM or HH:MMAM/PM",
            example = "14:00")
        String bookingTime,
    @Schema(maxLength = FIRST_NAME_MAX) String firstName,
    @Schema(maxLength = LAST_NAME_MAX) String lastName,
    @Schema(format = "email", maxLength = EMAIL_MAX) String email,
    @Schema(
            allowableValues = {"male", "female", "other"},
            description = "In any case; blank means not given")
        String gender,
    @Schema(maxLength = COUNTRY_MAX) String country,
    @Schema(maxLength = NOTES_MAX) String notes,
    @Schema(
            allowableValues = {"upcoming"},
            description = "A new booking is always upcoming, the default")
        String status,
    @Schema(description = "The organisation's id or slug; else the X-Organization header")
        String organization) {

  /** Contains something besides white space: the seed's "Missing required field" otherwise. */
  static final String NOT_BLANK = "\\S";

  // the longest values AgentBooking accepts, spaces around them aside
  static final int PHONE_MAX = 32;
  static final int SERVICE_NAME_MAX = 200;
  static final int FIRST_NAME_MAX = 150;
  static final int LAST_NAME_MAX = 150;
  static final int EMAIL_MAX = 254;
  static final int COUNTRY_MAX = 100;
  static final int NOTES_MAX = 2000;
}
