package io.fieldops.gateway.security;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * A Content-Security-Policy on the Swagger UI the gateway serves itself (springdoc's webjar; the
 * services' own Swagger UIs are on their internal ports only).
 *
 * <p>Swagger UI 5's page loads its bundle, preset, {@code swagger-initializer.js} and CSS from the
 * webjar, with no inline script; its one inline style is the {@code <style>} inside the top bar's
 * SVG logo (in swagger-ui-standalone-preset.js), allowed by its hash, which RoutingTest recomputes
 * from the webjar so that an upgrade that changes it fails the build; its CSS draws icons from
 * {@code data:} images; its bundle's only {@code new Function} is a fallback for browsers without
 * {@code globalThis}, so no {@code 'unsafe-eval'}. It fetches the swagger-config and every
 * service's OpenAPI document from this origin ({@code connect-src 'self'}). The online validator's
 * badge is switched off in application.yml ({@code springdoc.swagger-ui.validator-url: none})
 * rather than allowed here.
 */
@Component
class SwaggerUiContentSecurityPolicy implements WebFilter {

  static final String POLICY =
      "default-src 'none'; script-src 'self';"
          + " style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';"
          + " img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none';"
          + " frame-ancestors 'none'";

  private static final List<PathPattern> PAGES =
      Stream.of("/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**")
          .map(PathPatternParser.defaultInstance::parse)
          .toList();

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
    if (PAGES.stream().anyMatch(page -> page.matches(path))) {
      exchange.getResponse().getHeaders().set("Content-Security-Policy", POLICY);
    }
    return chain.filter(exchange);
  }
}
