package io.fieldops.booking.settings;

import io.fieldops.platform.error.ProblemException;
import org.springframework.http.HttpStatus;

/** If-Match named another version than the stored one. */
class StaleSettingsException extends ProblemException {

  StaleSettingsException() {
    super(HttpStatus.PRECONDITION_FAILED, "stale-version", "fieldops.problem.stale-version");
  }
}
