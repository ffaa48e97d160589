package io.fieldops.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client budgets for the public routes (the ones an anonymous caller can hammer).
 *
 * @param trustedProxies how many reverse proxies in front of the gateway append to X-Forwarded-For;
 *     0 (the default) uses the TCP remote address and ignores the header, which any client could
 *     otherwise forge to get a fresh budget per request
 * @param groups route groups by name, each with its own budget per client address
 */
@Validated
@ConfigurationProperties("fieldops.gateway.rate-limit")
public record RateLimitProperties(
    @Min(0) @DefaultValue("0") int trustedProxies, @Valid Map<String, Group> groups) {

  public RateLimitProperties {
    groups = groups == null ? Map.of() : Map.copyOf(groups);
  }

  /**
   * @param methods HTTP methods the budget applies to; empty means every method
   * @param paths path patterns, e.g. {@code /api/auth/login} and {@code /api/auth/login/}
   * @param capacity requests a client may make in a burst
   * @param period time in which a used-up budget refills completely (gradually)
   */
  public record Group(
      Set<String> methods,
      @NotEmpty List<String> paths,
      @Min(1) long capacity,
      @NotNull @DefaultValue("1m") Duration period) {

    public Group {
      methods = methods == null ? Set.of() : Set.copyOf(methods);
    }
  }
}
