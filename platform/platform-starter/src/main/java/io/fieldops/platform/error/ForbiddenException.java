package io.fieldops.platform.error;

import org.springframework.http.HttpStatus;

/** 403: the caller is known but may not do this (role or level too low). */
public class ForbiddenException extends ProblemException {

  public ForbiddenException(String messageKeyOrText, Object... args) {
    super(HttpStatus.FORBIDDEN, "forbidden", messageKeyOrText, args);
  }

  public static ForbiddenException accessDenied() {
    return new ForbiddenException("fieldops.problem.forbidden");
  }
}
