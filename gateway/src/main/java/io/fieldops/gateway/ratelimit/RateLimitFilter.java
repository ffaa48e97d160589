package io.fieldops.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fieldops.gateway.forwarded.ClientAddresses;
import io.fieldops.gateway.problem.ProblemWriter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Token buckets per (route group, client address) for the public routes, answering 429 with
 * Retry-After once a client's budget is spent.
 *
 * <p>The buckets live in this process's memory (Bucket4j local buckets): with several gateway
 * replicas each one keeps its own budget, so a client gets up to N times the configured rate. That
 * is acceptable for throttling abuse of login and booking; a hard global limit would need
 * Bucket4j's distributed backend (e.g. Redis or PostgreSQL) instead.
 *
 * <p>The client address is {@link ClientAddresses}'s: the TCP peer, or, behind the trusted proxies
 * of {@code fieldops.gateway.trusted-proxies}, the rightmost address in {@code X-Forwarded-For}
 * that none of them is; an IPv6 client's budget is its /64's. A client cannot buy a fresh budget by
 * writing the header itself.
 *
 * <p>Runs before security (a WebFilter ordered ahead of it) so that throttled requests cost no JWT
 * work; the groups only cover public routes anyway.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

  static final String REMAINING_HEADER = "X-RateLimit-Remaining";

  private final List<RouteGroup> groups;
  private final ClientAddresses clientAddresses;
  private final ProblemWriter problems;

  /** Idle clients' buckets are dropped once they would have refilled anyway. */
  private final Cache<String, Bucket> buckets;

  RateLimitFilter(
      RateLimitProperties properties, ClientAddresses clientAddresses, ProblemWriter problems) {
    this.problems = problems;
    this.groups = properties.groups().entrySet().stream().map(RateLimitFilter::routeGroup).toList();
    this.clientAddresses = clientAddresses;
    Duration longest =
        properties.groups().values().stream()
            .map(RateLimitProperties.Group::period)
            .max(Duration::compareTo)
            .orElse(Duration.ofMinutes(1));
    this.buckets = Caffeine.newBuilder().expireAfterAccess(longest).maximumSize(100_000).build();
  }

  @Override
  public int getOrder() {
    return -200; // ahead of Spring Security's WebFilterChainProxy (-100)
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    RouteGroup group = match(exchange);
    if (group == null) {
      return chain.filter(exchange);
    }
    String client = clientAddresses.clientKey(exchange);
    Bucket bucket = buckets.get(group.name() + "|" + client, key -> group.newBucket());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    exchange
        .getResponse()
        .getHeaders()
        .set(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
    if (probe.isConsumed()) {
      return chain.filter(exchange);
    }
    return problems.write(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "too-many-requests",
        "Too many requests",
        "Too many requests from this address, please retry later",
        Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private RouteGroup match(ServerWebExchange exchange) {
    PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
    String method = exchange.getRequest().getMethod().name();
    for (RouteGroup group : groups) {
      if (group.matches(method, path)) {
        return group;
      }
    }
    return null;
  }

  private static RouteGroup routeGroup(Map.Entry<String, RateLimitProperties.Group> entry) {
    RateLimitProperties.Group group = entry.getValue();
    List<PathPattern> patterns =
        group.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    Bandwidth limit =
        Bandwidth.builder()
            .capacity(group.capacity())
            .refillGreedy(group.capacity(), group.period())
            .build();
    return new RouteGroup(entry.getKey(), group, patterns, limit);
  }

  private record RouteGroup(
      String name, RateLimitProperties.Group config, List<PathPattern> patterns, Bandwidth limit) {

    boolean matches(String method, PathContainer path) {
      return (config.methods().isEmpty() || config.methods().contains(method))
          && patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }

    Bucket newBucket() {
      return Bucket.builder().addLimit(limit).build();
    }
  }
}
