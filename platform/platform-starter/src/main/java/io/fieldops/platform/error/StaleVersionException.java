package io.fieldops.platform.error;

import org.springframework.http.HttpStatus;

/**
 * 412: the record changed since the caller read it (its {@code If-Match} names another version, or
 * a concurrent update won the race). The caller reloads it and tries again.
 */
public class StaleVersionException extends ProblemException {

  public StaleVersionException() {
    super(HttpStatus.PRECONDITION_FAILED, "stale-version", "fieldops.problem.stale-version");
  }
}
