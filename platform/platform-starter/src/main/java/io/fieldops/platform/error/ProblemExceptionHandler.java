package io.fieldops.platform.error;

import io.fieldops.platform.calls.PeerRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.MatrixVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where a fieldops service turns exceptions into {@code application/problem+json}.
 * Spring MVC's own exceptions all pass through {@link #handleExceptionInternal}, so their status
 * and headers (Allow, Accept-Post) stay Spring's while the body becomes ours.
 *
 * <p>Bad input always answers 4xx naming the field; only genuinely unexpected failures answer 500,
 * with a generic message and the trace id, never internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE) // a service's own advice is asked first; ours catches the rest
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  private final ProblemFactory problems;
  private final JsonFieldNames fieldNames;
  private final Supplier<String> traceIds;

  public ProblemExceptionHandler(
      ProblemFactory problems, JsonFieldNames fieldNames, Supplier<String> traceIds) {
    this.problems = problems;
    this.fieldNames = fieldNames;
    this.traceIds = traceIds;
  }

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<Object> handleProblem(ProblemException ex, HttpServletRequest request) {
    Locale locale = locale();
    String message = problems.message(ex.messageKey(), locale, ex.args());
    Map<String, String> details = new LinkedHashMap<>();
    ex.details().forEach((field, text) -> details.put(field, problems.message(text, locale)));
    if (ex.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
      log.error("{} on {} {}", ex, request.getMethod(), request.getRequestURI(), ex);
    } else if (ex.status().is5xxServerError()) {
      // a peer being down is expected now and then: one line, no stack trace
      log.warn("{} on {} {}: {}", ex, request.getMethod(), request.getRequestURI(), ex.getCause());
    } else {
      log.debug("{} on {} {}", ex, request.getMethod(), request.getRequestURI());
    }
    return respond(
        problems.create(
            ex.status(), ex.code(), message, message, NestedDetails.of(details), request),
        ex.headers());
  }

  /** A peer's refusal nobody caught: answered as the peer gave it (status, message, details). */
  @ExceptionHandler(PeerRefusal.class)
  ResponseEntity<Object> handlePeerRefusal(PeerRefusal ex, HttpServletRequest request) {
    return handleProblem(ex.passedOn(), request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> handleConstraintViolation(
      ConstraintViolationException ex, HttpServletRequest request) {
    FieldErrorMessages messages = new FieldErrorMessages();
    for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
      messages.add(leafName(violation.getPropertyPath()), violation.getMessage());
    }
    return validationFailed(messages, request);
  }

  /**
   * A concurrent update won between this request's read and its write: the same answer as an
   * If-Match naming an old version (412 stale-version), since the remedy is the same (reload).
   */
  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<Object> handleOptimisticLock(
      OptimisticLockingFailureException ex, HttpServletRequest request) {
    log.info("Optimistic lock conflict on {} {}", request.getMethod(), request.getRequestURI());
    return handleProblem(new StaleVersionException(), request);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> handleDataIntegrity(
      DataIntegrityViolationException ex, HttpServletRequest request) {
    // The driver's message holds SQL and row values: log its kind here, the full text at debug.
    log.warn(
        "Data integrity violation ({}) on {} {}",
        ex.getMostSpecificCause().getClass().getSimpleName(),
        request.getMethod(),
        request.getRequestURI());
    log.debug("Data integrity violation details", ex);
    return simple(HttpStatus.CONFLICT, "conflict", "fieldops.problem.data-conflict", request);
  }

  /**
   * The database cannot be reached (restarting, failing over, every pooled connection taken): the
   * request did nothing and may be retried, so 503 with {@code Retry-After}, never a 500. The pool
   * drops the broken connections on its own and the next request gets a fresh one.
   */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessResourceException.class,
    RecoverableDataAccessException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<Object> handleDatabaseUnavailable(Exception ex, HttpServletRequest request) {
    log.warn(
        "Database unavailable on {} {}: {}",
        request.getMethod(),
        request.getRequestURI(),
        ex.getClass().getSimpleName());
    log.debug("Database unavailable details", ex);
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "5");
    String message = problems.message("fieldops.problem.service-unavailable", locale());
    return respond(
        problems.create(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", message, request),
        headers);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
    return simple(HttpStatus.FORBIDDEN, "forbidden", "fieldops.problem.forbidden", request);
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<Object> handleAuthentication(
      AuthenticationException ex, HttpServletRequest request) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    String message = problems.message("fieldops.problem.unauthorized", locale());
    return respond(
        problems.create(HttpStatus.UNAUTHORIZED, "unauthorized", message, request), headers);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
    if (UnreachableDatabase.explains(ex)) {
      // untranslated (e.g. Hibernate's generic JDBC error for a server shutting down): still 503
      return handleDatabaseUnavailable(ex, request);
    }
    String traceId = traceIds.get();
    log.error(
        "Unexpected error on {} {} (trace {})",
        request.getMethod(),
        request.getRequestURI(),
        traceId,
        ex);
    ProblemDetail problem =
        problems.create(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            problems.message("fieldops.problem.internal-error", locale()),
            request);
    if (traceId != null) {
      problem.setProperty("trace_id", traceId);
    }
    return respond(problem, new HttpHeaders());
  }

  /** Every Spring MVC exception ends here; we replace the body, keep status and headers. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (!(request instanceof NativeWebRequest nativeRequest)
        || !(nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest)) {
      return super.handleExceptionInternal(ex, body, headers, status, request);
    }
    if (request instanceof ServletWebRequest servletWebRequest
        && servletWebRequest.getResponse() != null
        && servletWebRequest.getResponse().isCommitted()) {
      log.warn("Response already committed, cannot answer {}", ex.toString());
      return null;
    }
    if (status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
      return handleUnexpected(ex, servletRequest);
    }
    return respond(translate(ex, status, servletRequest), headers);
  }

  private ProblemDetail translate(Exception ex, HttpStatusCode status, HttpServletRequest request) {
    Locale locale = locale();
    return switch (ex) {
      case MethodArgumentNotValidException invalid ->
          validationProblem(bindingMessages(invalid.getBindingResult(), locale), request);
      case HandlerMethodValidationException invalid ->
          validationProblem(methodValidationMessages(invalid, locale), request);
      case HttpMessageNotReadableException tooLarge
          when RequestBodyLimitFilter.causedBy(tooLarge) ->
          problems.create(
              HttpStatus.CONTENT_TOO_LARGE,
              "payload-too-large",
              problems.message("fieldops.problem.payload-too-large", locale),
              request);
      case HttpMessageNotReadableException unreadable ->
          unreadableBody(unreadable, status, request);
      case MethodArgumentTypeMismatchException mismatch ->
          typeMismatch(mismatch.getName(), mismatch.getRequiredType(), status, request);
      case TypeMismatchException mismatch ->
          typeMismatch(mismatch.getPropertyName(), mismatch.getRequiredType(), status, request);
      case MissingServletRequestParameterException missing ->
          fieldProblem(
              status,
              "missing-parameter",
              missing.getParameterName(),
              problems.message(
                  "fieldops.problem.missing-parameter", locale, missing.getParameterName()),
              request);
      case MissingRequestHeaderException missing ->
          fieldProblem(
              status,
              "missing-header",
              missing.getHeaderName(),
              problems.message("fieldops.problem.missing-header", locale, missing.getHeaderName()),
              request);
      case NoResourceFoundException notFound ->
          problems.create(
              status,
              "not-found",
              problems.message(
                  "fieldops.problem.no-endpoint",
                  locale,
                  notFound.getHttpMethod().name(),
                  "/" + notFound.getResourcePath()),
              request);
      case HttpRequestMethodNotSupportedException method ->
          problems.create(
              status,
              "method-not-allowed",
              problems.message(
                  "fieldops.problem.method-not-allowed",
                  locale,
                  method.getMethod(),
                  String.join(
                      ", ",
                      method.getSupportedMethods() == null
                          ? new String[0]
                          : method.getSupportedMethods())),
              request);
      case HttpMediaTypeNotSupportedException media ->
          problems.create(
              status,
              "unsupported-media-type",
              problems.message(
                  "fieldops.problem.unsupported-media-type",
                  locale,
                  media.getContentType() == null
                      ? ""
                      : media.getContentType().getType()
                          + "/"
                          + media.getContentType().getSubtype(),
                  MediaType.toString(media.getSupportedMediaTypes())),
              request);
      case HttpMediaTypeNotAcceptableException media ->
          problems.create(
              status,
              "not-acceptable",
              problems.message(
                  "fieldops.problem.not-acceptable",
                  locale,
                  MediaType.toString(media.getSupportedMediaTypes())),
              request);
      case MaxUploadSizeExceededException tooLarge ->
          problems.create(
              HttpStatus.CONTENT_TOO_LARGE,
              "payload-too-large",
              problems.message("fieldops.problem.payload-too-large", locale),
              request);
      case ResponseStatusException statusEx when statusEx.getReason() != null ->
          problems.create(
              status, codeFor(status), problems.message(statusEx.getReason(), locale), request);
      default ->
          problems.create(
              status, codeFor(status), problems.message(messageKeyFor(status), locale), request);
    };
  }

  private ProblemDetail unreadableBody(
      HttpMessageNotReadableException ex, HttpStatusCode status, HttpServletRequest request) {
    UnreadableBody why = UnreadableBody.of(ex);
    Locale locale = locale();
    List<Object> args = new ArrayList<>();
    args.add(why.field());
    for (Object arg : why.args()) {
      args.add(
          arg instanceof String key && key.startsWith("fieldops.type.")
              ? problems.message(key, locale)
              : arg);
    }
    String message = problems.message(why.messageKey(), locale, args.toArray());
    if (why.field().isEmpty()) {
      return problems.create(status, why.code(), message, request);
    }
    return fieldProblem(status, why.code(), why.field(), message, request);
  }

  private ProblemDetail typeMismatch(
      String name, Class<?> required, HttpStatusCode status, HttpServletRequest request) {
    Locale locale = locale();
    String message;
    String code;
    if (required != null && required.isEnum()) {
      code = "invalid-enum-value";
      message =
          problems.message(
              "fieldops.problem.invalid-enum-value",
              locale,
              name,
              String.join(", ", EnumValues.allowed(required, false)));
    } else {
      code = "type-mismatch";
      message =
          problems.message(
              "fieldops.problem.type-mismatch",
              locale,
              name,
              problems.message(ExpectedTypes.messageKey(required), locale));
    }
    return fieldProblem(status, code, name, message, request);
  }

  /** One field at fault: the message names it and {@code details} points at it. */
  private ProblemDetail fieldProblem(
      HttpStatusCode status,
      String code,
      String field,
      String message,
      HttpServletRequest request) {
    return problems.create(
        status, code, message, message, NestedDetails.of(Map.of(field, message)), request);
  }

  private FieldErrorMessages bindingMessages(BindingResult result, Locale locale) {
    FieldErrorMessages messages = new FieldErrorMessages();
    Class<?> target = result.getTarget() == null ? null : result.getTarget().getClass();
    for (ObjectError error : result.getAllErrors()) {
      String path =
          error instanceof FieldError field ? fieldNames.toJsonPath(target, field.getField()) : "";
      messages.add(path, problems.message(error, locale));
    }
    return messages;
  }

  private FieldErrorMessages methodValidationMessages(
      HandlerMethodValidationException ex, Locale locale) {
    FieldErrorMessages messages = new FieldErrorMessages();
    ex.visitResults(
        new HandlerMethodValidationException.Visitor() {
          @Override
          public void cookieValue(CookieValue cookieValue, ParameterValidationResult result) {
            addAll(cookieValue.name(), result);
          }

          @Override
          public void matrixVariable(
              MatrixVariable matrixVariable, ParameterValidationResult result) {
            addAll(matrixVariable.name(), result);
          }

          @Override
          public void modelAttribute(ModelAttribute modelAttribute, ParameterErrors errors) {
            addBinding(errors);
          }

          @Override
          public void pathVariable(PathVariable pathVariable, ParameterValidationResult result) {
            addAll(pathVariable.name(), result);
          }

          @Override
          public void requestBody(RequestBody requestBody, ParameterErrors errors) {
            addBinding(errors);
          }

          @Override
          public void requestHeader(RequestHeader requestHeader, ParameterValidationResult result) {
            addAll(requestHeader.name(), result);
          }

          @Override
          public void requestParam(RequestParam requestParam, ParameterValidationResult result) {
            addAll(requestParam == null ? "" : requestParam.name(), result);
          }

          @Override
          public void requestPart(RequestPart requestPart, ParameterErrors errors) {
            addBinding(errors);
          }

          @Override
          public void other(ParameterValidationResult result) {
            addAll("", result);
          }

          private void addAll(String annotatedName, ParameterValidationResult result) {
            String name =
                annotatedName == null || annotatedName.isEmpty()
                    ? result.getMethodParameter().getParameterName()
                    : annotatedName;
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
              messages.add(name, problems.message(error, locale));
            }
          }

          private void addBinding(ParameterErrors errors) {
            Class<?> target = errors.getMethodParameter().getNestedParameterType();
            for (ObjectError error : errors.getAllErrors()) {
              String path =
                  error instanceof FieldError field
                      ? fieldNames.toJsonPath(target, field.getField())
                      : "";
              messages.add(path, problems.message(error, locale));
            }
          }
        });
    return messages;
  }

  private ResponseEntity<Object> validationFailed(
      FieldErrorMessages messages, HttpServletRequest request) {
    return respond(validationProblem(messages, request), new HttpHeaders());
  }

  private ProblemDetail validationProblem(FieldErrorMessages messages, HttpServletRequest request) {
    String text = problems.message("fieldops.problem.validation-failed", locale());
    return problems.create(
        HttpStatus.BAD_REQUEST, "validation-failed", text, text, messages.nested(), request);
  }

  private ResponseEntity<Object> simple(
      HttpStatus status, String code, String messageKey, HttpServletRequest request) {
    return respond(
        problems.create(status, code, problems.message(messageKey, locale()), request),
        new HttpHeaders());
  }

  private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
    HttpHeaders copy = new HttpHeaders();
    copy.putAll(headers);
    copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(problem, copy, HttpStatusCode.valueOf(problem.getStatus()));
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }

  // A service method's constraint path is method.argument.field; the client knows only the field.
  private String leafName(Path path) {
    String last = "";
    for (Path.Node node : path) {
      if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
          || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
        last = node.getName();
      }
    }
    return fieldNames.toJsonPath(null, last);
  }

  static String codeFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 409 -> "conflict";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      case 422 -> "business-rule";
      case 503 -> "service-unavailable";
      default -> status.is5xxServerError() ? "internal-error" : "error";
    };
  }

  static String messageKeyFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "fieldops.problem.bad-request";
      case 401 -> "fieldops.problem.unauthorized";
      case 403 -> "fieldops.problem.forbidden";
      case 404 -> "fieldops.problem.not-found";
      case 409 -> "fieldops.problem.data-conflict";
      case 413 -> "fieldops.problem.payload-too-large";
      case 503 -> "fieldops.problem.service-unavailable";
      default -> "fieldops.problem.request-failed";
    };
  }
}
