package io.fieldops.gateway.forwarded;

import io.fieldops.platform.net.TrustedProxies;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fieldops.gateway.trusted-proxies}: the reverse proxies in front of the gateway (the
 * Kubernetes Ingress controller, a cloud load balancer) whose {@code X-Forwarded-For} the gateway
 * believes. Addresses or CIDR ranges, e.g. {@code FIELDOPS_GATEWAY_TRUSTED_PROXIES=10.0.0.0/8}.
 * Default: none, so the client is always the TCP peer and a forged header changes nothing.
 *
 * <p>Not {@code spring.cloud.gateway.server.webflux.trusted-proxies}: leave that unset. Its
 * XForwardedHeadersFilter (Gateway 5.0.x) sends no client address at all for an untrusted peer and
 * drops every forwarded entry that does not itself match the pattern, i.e. the real clients; with
 * it unset, the gateway's RemoveXForwardedHeadersFilter strips what clients sent and {@link
 * ForwardedForHeadersFilter} writes the one header the services read.
 */
@ConfigurationProperties("fieldops.gateway")
public record TrustedProxiesProperties(List<String> trustedProxies) {

  public TrustedProxiesProperties {
    trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    try {
      TrustedProxies.of(trustedProxies);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fieldops.gateway.trusted-proxies: " + e.getMessage(), e);
    }
  }

  TrustedProxies toRule() {
    return TrustedProxies.of(trustedProxies);
  }
}
