package io.fieldops.auth.login;

import io.fieldops.platform.error.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** 429 while {@link LoginThrottle} locks the account or address; carries the Retry-After. */
class LoginThrottledException extends ProblemException {

  private final Duration retryAfter;

  LoginThrottledException(Duration retryAfter) {
    super(
        HttpStatus.TOO_MANY_REQUESTS,
        "login-throttled",
        LoginThrottle.THROTTLED,
        // whole minutes, rounded up, for the message; Retry-After has the exact seconds
        Math.max(1, (retryAfter.toSeconds() + 59) / 60));
    this.retryAfter = retryAfter;
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
