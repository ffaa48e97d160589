package io.fieldops.gateway.forwarded;

import io.fieldops.platform.net.TrustedProxies;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address for a request, by {@link TrustedProxies}: what the rate limits key by and
 * what {@link ForwardedForHeadersFilter} tells the services.
 *
 * <p>Reads the TCP peer from the request. That is the real peer only because the gateway sets
 * {@code server.forward-headers-strategy: none}: Spring Boot turns the server's own
 * forwarded-header handling on by itself when it detects Kubernetes, and Reactor Netty's then takes
 * the leftmost {@code X-Forwarded-For} entry, which any client can write.
 */
@Component
public class ClientAddresses {

  public static final String X_FORWARDED_FOR = "X-Forwarded-For";

  private static final Logger log = LoggerFactory.getLogger(ClientAddresses.class);

  private final TrustedProxies trustedProxies;

  ClientAddresses(TrustedProxiesProperties properties) {
    this.trustedProxies = properties.toRule();
    if (trustedProxies.isEmpty()) {
      log.info(
          "No trusted proxies: clients are keyed by their TCP address, X-Forwarded-For ignored");
    } else {
      log.info("X-Forwarded-For is believed from trusted proxies {}", trustedProxies);
    }
  }

  /** The client's address; {@code null} when the connection has no IP peer. */
  public InetAddress client(ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    return trustedProxies.client(peer(request), forwardedFor(request));
  }

  /**
   * The key for per-client budgets: the IPv4 address, or an IPv6 address's /64 network (one
   * subscriber usually gets a whole /64, so per-address budgets would be endless otherwise).
   */
  public String clientKey(ServerWebExchange exchange) {
    return key(client(exchange));
  }

  static String key(InetAddress address) {
    if (address == null) {
      return "unknown";
    }
    if (address instanceof Inet6Address) {
      byte[] network = Arrays.copyOf(address.getAddress(), 16);
      Arrays.fill(network, 8, 16, (byte) 0);
      try {
        return InetAddress.getByAddress(network).getHostAddress() + "/64";
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException(e); // 16 bytes are always an address
      }
    }
    return address.getHostAddress();
  }

  /** The {@code X-Forwarded-For} the services receive; see {@link TrustedProxies#forwardedFor}. */
  String forwardedForToSend(ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    return trustedProxies.forwardedFor(peer(request), forwardedFor(request));
  }

  private static InetAddress peer(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    return remote == null ? null : remote.getAddress();
  }

  private static List<String> forwardedFor(ServerHttpRequest request) {
    List<String> values = request.getHeaders().get(X_FORWARDED_FOR);
    return values == null ? List.of() : values;
  }
}
