package io.fieldops.platform.error;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An error a service raises on purpose; the platform's handler turns it into an {@code
 * application/problem+json} answer with the seeds' members ({@code error}, {@code message}, {@code
 * details}, {@code success: false}).
 *
 * <p>The message is either a key of the service's {@code messages} bundle (resolved in the caller's
 * language, with {@code args}) or, when no such key exists, literal text used as it is. That lets a
 * service start with plain English and localise later without touching callers.
 */
public class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final String messageKey;
  private final Object[] args;
  private final Map<String, String> details;

  public ProblemException(
      HttpStatus status,
      String code,
      String messageKeyOrText,
      Map<String, String> details,
      Object... args) {
    super(messageKeyOrText);
    this.status = status;
    this.code = code;
    this.messageKey = messageKeyOrText;
    this.args = args == null ? new Object[0] : args.clone();
    this.details = details == null ? Map.of() : new LinkedHashMap<>(details);
  }

  public ProblemException(HttpStatus status, String code, String messageKeyOrText, Object... args) {
    this(status, code, messageKeyOrText, Map.of(), args);
  }

  public HttpStatus status() {
    return status;
  }

  /** Stable machine-readable code, the last segment of the problem {@code type}. */
  public String code() {
    return code;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args.clone();
  }

  /** Field path (dotted, snake_case) to message key or text; empty when none. */
  public Map<String, String> details() {
    return Map.copyOf(details);
  }

  /** Headers the answer carries besides the problem (e.g. {@code Retry-After}); none by default. */
  public HttpHeaders headers() {
    return new HttpHeaders();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "["
        + status.value()
        + " "
        + messageKey
        + (args.length == 0 ? "" : " " + Arrays.toString(args))
        + "]";
  }
}
