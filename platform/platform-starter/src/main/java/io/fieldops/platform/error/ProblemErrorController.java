package io.fieldops.platform.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel/JSON error page: errors that never reached a controller (the container
 * rejecting a request, a filter failing) still answer in the problem shape.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  private final ProblemResponseWriter writer;

  public ProblemErrorController(ProblemResponseWriter writer) {
    this.writer = writer;
  }

  @RequestMapping("${server.error.path:${error.path:/error}}")
  public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : HttpStatus.INTERNAL_SERVER_ERROR.value();
    if (status < 400) {
      status = HttpStatus.INTERNAL_SERVER_ERROR.value();
    }
    HttpStatusCode statusCode = HttpStatusCode.valueOf(status);
    writer.write(
        request,
        response,
        statusCode,
        ProblemExceptionHandler.codeFor(statusCode),
        status >= 500 && status != 503
            ? "fieldops.problem.internal-error"
            : ProblemExceptionHandler.messageKeyFor(statusCode));
  }
}
