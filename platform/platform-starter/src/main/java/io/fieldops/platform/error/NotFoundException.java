package io.fieldops.platform.error;

import org.springframework.http.HttpStatus;

/**
 * 404. Also the answer for another organisation's record (docs/architecture.md "Identity and
 * tenancy": it must look exactly like a missing one).
 */
public class NotFoundException extends ProblemException {

  public NotFoundException(String messageKeyOrText, Object... args) {
    super(HttpStatus.NOT_FOUND, "not-found", messageKeyOrText, args);
  }

  /** "Booking not found" style message from the platform bundle, naming the kind of thing. */
  public static NotFoundException of(String resourceName) {
    return new NotFoundException("fieldops.problem.resource-not-found", resourceName);
  }
}
