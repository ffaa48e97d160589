package io.fieldops.platform.error;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * 503: a peer service this request needs is down or too slow (its circuit breaker is open or its
 * time limit ran out). docs/architecture.md "Calls between services": answer this quickly instead
 * of hanging or failing with a 500, and say in {@code Retry-After} when trying again makes sense.
 */
public class ServiceUnavailableException extends ProblemException {

  /** What to wait when nothing more is known than that the peer failed just now. */
  public static final Duration SOON = Duration.ofSeconds(1);

  private final Duration retryAfter;

  /**
   * @param retryAfter how long the caller should wait before trying again (rounded up to whole
   *     seconds in {@code Retry-After})
   */
  public ServiceUnavailableException(String peerName, Throwable cause, Duration retryAfter) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        "fieldops.problem.peer-unavailable",
        peerName);
    if (cause != null) {
      initCause(cause);
    }
    this.retryAfter = retryAfter;
  }

  /** The peer failed and nothing more is known: worth trying again in a second. */
  public ServiceUnavailableException(String peerName, Throwable cause) {
    this(peerName, cause, SOON);
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public HttpHeaders headers() {
    HttpHeaders headers = super.headers();
    long millis = Math.max(retryAfter.toMillis(), 1);
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString((millis + 999) / 1000));
    return headers;
  }
}
