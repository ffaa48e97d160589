package io.fieldops.platform.error;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Names the type a field expects, as a key of the platform bundle ({@code fieldops.type.*}), so "
 * 'level' must be an integer" reads well in English and Thai.
 */
public final class ExpectedTypes {

  private ExpectedTypes() {}

  public static String messageKey(Class<?> type) {
    return "fieldops.type." + kind(type);
  }

  static String kind(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type == int.class
        || type == long.class
        || type == short.class
        || type == byte.class
        || type == Integer.class
        || type == Long.class
        || type == Short.class
        || type == Byte.class
        || type == BigInteger.class) {
      return "integer";
    }
    if (type == double.class
        || type == float.class
        || Number.class.isAssignableFrom(type)
        || type == BigDecimal.class) {
      return "number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type == UUID.class) {
      return "uuid";
    }
    if (type == LocalDate.class) {
      return "date";
    }
    if (type == LocalTime.class) {
      return "time";
    }
    if (type == LocalDateTime.class) {
      return "date-time";
    }
    if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
      return "timestamp";
    }
    if (CharSequence.class.isAssignableFrom(type) || type == char.class) {
      return "string";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.isPrimitive()) {
      return "object";
    }
    return "value";
  }
}
