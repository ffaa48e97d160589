package io.fieldops.platform.error;

import org.springframework.http.HttpStatus;

/**
 * 503: a peer service this request needs is down or too slow (its circuit breaker is open or its
 * time limit ran out). docs/architecture.md "Calls between services": answer this quickly instead
 * of hanging or failing with a 500.
 */
public class ServiceUnavailableException extends ProblemException {

  public ServiceUnavailableException(String peerName, Throwable cause) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        "fieldops.problem.peer-unavailable",
        peerName);
    if (cause != null) {
      initCause(cause);
    }
  }
}
