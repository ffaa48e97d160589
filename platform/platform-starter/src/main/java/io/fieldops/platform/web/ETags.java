package io.fieldops.platform.web;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.StaleVersionException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic locking over HTTP (docs/architecture.md "API conventions"): a record's {@code version}
 * is its strong ETag ({@code "3"}); an update carrying {@code If-Match} succeeds only against that
 * version ({@link #requireVersion} answers 412 otherwise).
 */
public final class ETags {

  static final String INVALID = "fieldops.problem.if-match-invalid";
  private static final Pattern TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

  private ETags() {}

  /**
   * {@code "3"}, {@code W/"3"} or {@code 3} -> 3; absent, blank or {@code *} -> null (no check).
   *
   * @throws BadRequestException naming {@code If-Match} for anything else
   */
  public static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    Matcher matcher = TAG.matcher(ifMatch.strip());
    if (!matcher.matches()) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("If-Match", INVALID));
    }
    return Long.parseLong(matcher.group(1));
  }

  /**
   * Checks the version the caller read ({@code If-Match}, as {@link #version} read it) against the
   * stored one.
   *
   * @param expected the version from {@code If-Match}; null (no If-Match) checks nothing
   * @throws StaleVersionException (412) when the record has another version now
   */
  public static void requireVersion(Long expected, long actual) {
    if (expected != null && expected != actual) {
      throw new StaleVersionException();
    }
  }

  /** The ETag of {@code version}: {@code "3"}. */
  public static String tag(long version) {
    return "\"" + version + "\"";
  }
}
