package io.fieldops.booking.web;

import io.fieldops.platform.error.BadRequestException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic locking over HTTP: a record's {@code version} is its strong ETag ({@code "3"}); an
 * update carrying {@code If-Match} succeeds only against that version (412 otherwise).
 */
public final class ETags {

  private static final Pattern TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

  private ETags() {}

  /** {@code "3"}, {@code W/"3"} or {@code 3} -> 3; absent, blank or {@code *} -> null. */
  public static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    Matcher matcher = TAG.matcher(ifMatch.strip());
    if (!matcher.matches()) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("If-Match", "booking.if-match.invalid"));
    }
    return Long.parseLong(matcher.group(1));
  }

  public static String tag(long version) {
    return "\"" + version + "\"";
  }
}
