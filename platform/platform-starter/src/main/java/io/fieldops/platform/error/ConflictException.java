package io.fieldops.platform.error;

import org.springframework.http.HttpStatus;

/** 409: the request clashes with the current state (a duplicate, a stale version). */
public class ConflictException extends ProblemException {

  public ConflictException(String messageKeyOrText, Object... args) {
    super(HttpStatus.CONFLICT, "conflict", messageKeyOrText, args);
  }
}
