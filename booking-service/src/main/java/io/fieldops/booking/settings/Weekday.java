package io.fieldops.booking.settings;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How the settings API spells a weekday ({@code off_days}, the keys of {@code working_hours}), for
 * the API document only: {@link SettingsController} reads the names in any case, answers them in
 * lower case ({@link WeeklyHoursFormat#day}).
 */
@Schema(
    name = "Weekday",
    type = "string",
    allowableValues = {
      "monday",
      "tuesday",
      "wednesday",
      "thursday",
      "friday",
      "saturday",
      "sunday"
    },
    description = "A weekday, read in any case")
interface Weekday {}
