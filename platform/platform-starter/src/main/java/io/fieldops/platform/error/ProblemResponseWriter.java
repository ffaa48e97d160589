package io.fieldops.platform.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the servlet response, for code that runs before Spring MVC (Spring
 * Security's entry point and access-denied handler) or after it gave up (the {@code /error} page).
 * The locale comes from the application's {@link LocaleResolver} because MVC has not set one yet.
 */
public class ProblemResponseWriter {

  private final ProblemFactory problems;
  private final JsonMapper jsonMapper;
  private final LocaleResolver localeResolver;

  public ProblemResponseWriter(
      ProblemFactory problems, JsonMapper jsonMapper, LocaleResolver localeResolver) {
    this.problems = problems;
    this.jsonMapper = jsonMapper;
    this.localeResolver = localeResolver;
  }

  public void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatusCode status,
      String code,
      String messageKey)
      throws IOException {
    Locale locale = localeResolver.resolveLocale(request);
    ProblemDetail problem =
        problems.create(status, code, problems.message(messageKey, locale), request);
    write(response, problem);
  }

  public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(jsonMapper.writeValueAsBytes(problem));
    response.flushBuffer();
  }

  public Locale locale(HttpServletRequest request) {
    return localeResolver.resolveLocale(request);
  }

  public ProblemFactory problems() {
    return problems;
  }
}
