package io.fieldops.platform.security;

import io.fieldops.platform.error.ProblemResponseWriter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 from Spring Security's authorization rules, in the problem shape. */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

  private final AccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
  private final ProblemResponseWriter writer;

  public ProblemAccessDeniedHandler(ProblemResponseWriter writer) {
    this.writer = writer;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
      throws IOException, ServletException {
    bearer.handle(request, response, ex);
    writer.write(
        request, response, HttpStatus.FORBIDDEN, "forbidden", "fieldops.problem.forbidden");
  }
}
