package io.fieldops.gateway.cors;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS is answered at the edge only (Spring Security's CORS filter picks up this source, so a
 * preflight never needs a token). Services behind the gateway must not add CORS headers of their
 * own: a browser rejects a response carrying two Access-Control-Allow-Origin values. (The gateway's
 * DedupeResponseHeader filter cannot clean that up here: it edits headers after a circuit-breaker
 * fallback has already sent them, which fails.)
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

  @Bean
  CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
    var cors = new org.springframework.web.cors.CorsConfiguration();
    cors.setAllowedOriginPatterns(properties.allowedOrigins());
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(List.of("*"));
    cors.setExposedHeaders(List.of("ETag", "Retry-After", "Location", "X-RateLimit-Remaining"));
    cors.setAllowCredentials(true);
    cors.setMaxAge(properties.maxAge());
    var source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }
}
