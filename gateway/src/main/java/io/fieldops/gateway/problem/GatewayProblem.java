package io.fieldops.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.http.HttpStatus;

/**
 * The suite's error body (RFC 9457 members plus the ones the seeds' clients read), in the same
 * shape as platform-starter's {@code ProblemFactory}, which the gateway cannot use because it is
 * built for servlet services.
 *
 * @param type a stable URN clients can switch on, {@code urn:fieldops:problem:<code>}
 * @param error the short error text of the seeds
 * @param message the human text; equal to {@code detail}
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "success", "error", "message"})
public record GatewayProblem(
    String type,
    String title,
    int status,
    String detail,
    // left out when the request was too malformed to name a path
    @JsonInclude(JsonInclude.Include.NON_NULL) String instance,
    boolean success,
    String error,
    String message) {

  public static final String TYPE_PREFIX = "urn:fieldops:problem:";

  public static GatewayProblem of(
      HttpStatus status, String code, String error, String message, String instance) {
    return new GatewayProblem(
        TYPE_PREFIX + code,
        status.getReasonPhrase(),
        status.value(),
        message,
        instance,
        false,
        error,
        message);
  }
}
