package io.fieldops.jobcard.jobcard;

import io.fieldops.jobcard.rules.Money;
import io.fieldops.platform.error.BadRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/** Reading the members that arrive as text, each refusal naming its member. */
final class JobCardFields {

  static final String AMOUNT_INVALID = "jobcard.amount.invalid";
  static final String DATE_INVALID = "jobcard.date.invalid";
  static final String ID_INVALID = "jobcard.id.invalid";

  private JobCardFields() {}

  /** Null or blank is no amount. */
  static BigDecimal price(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return Money.parse(text).orElseThrow(() -> invalid(field, AMOUNT_INVALID));
  }

  /** {@code YYYY-MM-DD}; blank is none. */
  static LocalDate date(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw invalid(field, DATE_INVALID);
    }
  }

  static UUID id(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw invalid(field, ID_INVALID);
    }
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static BadRequestException invalid(String field, String messageKey) {
    return new BadRequestException("fieldops.problem.validation-failed", Map.of(field, messageKey));
  }
}
