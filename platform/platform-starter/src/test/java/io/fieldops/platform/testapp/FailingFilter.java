package io.fieldops.platform.testapp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Fails outside Spring MVC, so the container's /error page has to answer. */
@Component
class FailingFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getRequestURI().equals("/test/public/filter-boom")) {
      throw new IllegalStateException("filter internals: jdbc:postgresql://db/secret");
    }
    chain.doFilter(request, response);
  }
}
