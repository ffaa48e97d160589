package io.fieldops.auth.login;

import io.fieldops.platform.error.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 429 while {@link LoginThrottle} delays the account or locks the address; carries Retry-After. */
class LoginThrottledException extends ProblemException {

  private final Duration retryAfter;

  LoginThrottledException(Duration retryAfter) {
    super(
        HttpStatus.TOO_MANY_REQUESTS,
        "login-throttled",
        LoginThrottle.THROTTLED,
        // {0}: whole minutes, rounded up; {1}: the exact seconds, as in Retry-After
        Math.max(1, (retryAfter.toSeconds() + 59) / 60),
        Math.max(1, retryAfter.toSeconds()));
    this.retryAfter = retryAfter;
  }

  @Override
  public HttpHeaders headers() {
    HttpHeaders headers = super.headers();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    return headers;
  }
}
