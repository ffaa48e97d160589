package io.fieldops.customer.customer;

import io.fieldops.platform.error.BadRequestException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;

/**
 * Optimistic locking over HTTP: a customer's {@code version} is its strong ETag ({@code "3"}); an
 * update carrying {@code If-Match} succeeds only against that version (412 otherwise).
 */
public final class ETags {

  private static final Pattern TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

  private ETags() {}

  /**
   * {@code "3"}, {@code W/"3"} or {@code 3} -> 3; absent, blank or {@code *} -> null (no check).
   */
  public static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    Matcher matcher = TAG.matcher(ifMatch.strip());
    if (!matcher.matches()) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("If-Match", "customer.if-match.invalid"));
    }
    return Long.parseLong(matcher.group(1));
  }

  static ResponseEntity<CustomerResponse> ok(Versioned versioned) {
    return ResponseEntity.ok().eTag(tag(versioned)).body(versioned.customer());
  }

  /** 201 for a customer this request created, 200 for one that already existed. */
  static ResponseEntity<CustomerResponse> createdOrExisting(Versioned versioned) {
    return ResponseEntity.status(versioned.created() ? 201 : 200)
        .eTag(tag(versioned))
        .body(versioned.customer());
  }

  private static String tag(Versioned versioned) {
    return "\"" + versioned.version() + "\"";
  }
}
