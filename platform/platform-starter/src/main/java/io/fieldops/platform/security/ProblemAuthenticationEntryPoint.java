package io.fieldops.platform.security;

import io.fieldops.platform.error.ProblemResponseWriter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 in the problem shape. Spring's bearer entry point still sets the status and the {@code
 * WWW-Authenticate: Bearer ...} header (RFC 6750) that OAuth clients look for.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final AuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
  private final ProblemResponseWriter writer;

  public ProblemAuthenticationEntryPoint(ProblemResponseWriter writer) {
    this.writer = writer;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
      throws IOException, ServletException {
    bearer.commence(request, response, ex);
    boolean badToken = ex instanceof OAuth2AuthenticationException;
    writer.write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        badToken ? "invalid-token" : "unauthorized",
        badToken ? "fieldops.problem.invalid-token" : "fieldops.problem.unauthorized");
  }
}
