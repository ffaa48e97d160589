package io.fieldops.platform.calls;

import io.fieldops.platform.error.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A peer answered, and its answer is "no" to the input (400, 404, 409, 422): a verdict, not a
 * failure of the peer. It neither counts against the peer's circuit breaker nor is retried. Left
 * uncaught, the platform's error handler answers it as {@link #passedOn()}: the same status with
 * the peer's message and field {@code details}.
 */
public class PeerRefusal extends RuntimeException {

  static final Set<Integer> STATUSES = Set.of(400, 404, 409, 422);

  private final String peer;
  private final int status;
  private final String body;

  PeerRefusal(String peer, HttpClientErrorException refusal) {
    super(peer + " refused the request: " + refusal.getStatusCode().value(), refusal, false, false);
    this.peer = peer;
    this.status = refusal.getStatusCode().value();
    this.body = refusal.getResponseBodyAsString();
  }

  static boolean isRefusal(Throwable failure) {
    return failure instanceof HttpClientErrorException e
        && STATUSES.contains(e.getStatusCode().value());
  }

  public String peer() {
    return peer;
  }

  public int status() {
    return status;
  }

  /** The peer's answer as it came (normally problem+json). */
  public String body() {
    return body;
  }

  /** The peer's {@code details} (field -> message), in its order; empty when it gave none. */
  public Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    JsonNode problem = problem();
    for (Map.Entry<String, JsonNode> detail : problem.path("details").properties()) {
      if (detail.getValue().isString()) {
        details.put(detail.getKey(), detail.getValue().asString());
      }
    }
    return details;
  }

  /**
   * The refusal as this service's own problem: the peer's status, its first field message (or its
   * {@code message}) and its field details, so a caller's client sees the field it got wrong.
   */
  public ProblemException passedOn() {
    Map<String, String> details = details();
    String message =
        !details.isEmpty()
            ? details.values().iterator().next()
            : problem().path("message").isString()
                ? problem().path("message").asString()
                : "fieldops.problem.validation-failed";
    return switch (status) {
      case 404 -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", message, details);
      case 409 -> new ProblemException(HttpStatus.CONFLICT, "conflict", message, details);
      case 422 ->
          new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "business-rule", message, details);
      default ->
          new ProblemException(HttpStatus.BAD_REQUEST, "validation-failed", message, details);
    };
  }

  private JsonNode problem() {
    try {
      return JsonMapper.shared().readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (RuntimeException unreadable) {
      return JsonMapper.shared().createObjectNode();
    }
  }
}
