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
 * <p>Who the client is (the TCP peer, or behind trusted proxies the forwarded address) is decided
 * by {@code fieldops.gateway.trusted-proxies}, not here: see {@code forwarded.ClientAddresses}.
 *
 * @param groups route groups by name, each with its own budget per client address
 */
@Validated
@ConfigurationProperties("fieldops.gateway.rate-limit")
public record RateLimitProperties(@Valid Map<String, Group> groups) {

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
