package io.fieldops.notification;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Security-Policy on the dashboard's pages, set here where they are served so the policy
 * sits next to the files it must allow (the gateway relays the header unchanged).
 *
 * <p>The page loads only its own files: {@code dashboard.css}, {@code vendor/stomp.umd.min.js} and
 * {@code dashboard.js}, with no inline script, style attribute, eval, font or image, and talks only
 * to its own origin: {@code fetch} to the APIs and the STOMP WebSocket at {@code /ws} ({@code
 * 'self'} matches {@code ws:}/{@code wss:} on the page's own host and port under CSP Level 3). So
 * nothing inline is allowed: injected markup could run nothing. stomp.js would start a {@code
 * blob:} worker only with its non-default worker heartbeat strategy, which the page does not use.
 */
@Component
class DashboardContentSecurityPolicy extends OncePerRequestFilter {

  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.equals("/dashboard") || path.startsWith("/dashboard/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", POLICY);
    chain.doFilter(request, response);
  }
}
