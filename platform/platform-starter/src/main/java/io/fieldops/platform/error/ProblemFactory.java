package io.fieldops.platform.error;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds every error body of a fieldops service: RFC 9457 members plus the ones the seeds' clients
 * read. Kept in one place so the MVC handler, Spring Security's 401/403 and the container's {@code
 * /error} page answer in exactly the same shape.
 *
 * <pre>
 * {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
 *  "detail": "Validation failed", "instance": "/api/v1/jobcards",
 *  "success": false, "error": "Validation failed", "message": "Validation failed",
 *  "details": {"client_data": {"mobile": "Mobile number must be exactly 10 digits."}}}
 * </pre>
 */
public class ProblemFactory {

  /** Problem types are URNs: stable codes clients can switch on, not pages to fetch. */
  public static final String TYPE_PREFIX = "urn:fieldops:problem:";

  private final MessageSource messageSource;

  public ProblemFactory(MessageSource messageSource) {
    this.messageSource = messageSource;
  }

  /** A problem whose {@code error} is its message. */
  public ProblemDetail create(
      HttpStatusCode status, String code, String message, HttpServletRequest request) {
    return create(status, code, message, message, Map.of(), request);
  }

  /**
   * @param error the seeds' short error text ("Validation failed" when there are field errors)
   * @param details already nested field messages, see {@link NestedDetails}; empty for none
   */
  public ProblemDetail create(
      HttpStatusCode status,
      String code,
      String error,
      String message,
      Map<String, Object> details,
      HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
    problem.setType(URI.create(TYPE_PREFIX + code));
    HttpStatus known = HttpStatus.resolve(status.value());
    problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
    String path = instancePath(request);
    if (path != null) {
      problem.setInstance(URI.create(path));
    }
    problem.setProperty("success", false);
    problem.setProperty("error", error);
    problem.setProperty("message", message);
    if (details != null && !details.isEmpty()) {
      problem.setProperty("details", details);
    }
    return problem;
  }

  /** A message key of the service or platform bundle, or literal text when no key matches. */
  public String message(String keyOrText, Locale locale, Object... args) {
    return messageSource.getMessage(keyOrText, args, keyOrText, locale);
  }

  public String message(MessageSourceResolvable resolvable, Locale locale) {
    return messageSource.getMessage(resolvable, locale);
  }

  private static String instancePath(HttpServletRequest request) {
    if (request == null) {
      return null;
    }
    // On the container's error page the original path is in a request attribute.
    Object original = request.getAttribute("jakarta.servlet.error.request_uri");
    String path = original instanceof String s ? s : request.getRequestURI();
    try {
      return path == null ? null : URI.create(path).toString();
    } catch (IllegalArgumentException e) {
      return null; // a path that is not a valid URI is left out rather than failing the answer
    }
  }
}
