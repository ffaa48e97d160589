package io.fieldops.platform.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which peers may tell us who their client is, and who the client therefore is: the gateway's
 * trusted proxies (the Ingress) and auth-service's (the gateway, for its login throttle) follow
 * this one rule.
 *
 * <p>The rule, the same as Tomcat's {@code RemoteIpValve} and nginx's {@code real_ip_recursive}:
 * start at the TCP peer; while the hop in hand is a trusted proxy, step one entry to the left in
 * {@code X-Forwarded-For}; the first address that is not trusted is the client. A client that
 * connects directly (an untrusted peer) is therefore always itself, whatever it writes in the
 * header, and a client behind a trusted proxy can only add entries to the left of the one the proxy
 * appended, which are never read.
 *
 * <p>Addresses are parsed as IP literals only (no name is ever looked up). An entry that is not an
 * IP literal stops the walk at the last address known for sure, the proxy that wrote it (fails
 * closed: a misbehaving proxy's clients share one budget rather than get one per made-up name).
 *
 * <p>Plain Java, no Spring, so the reactive gateway and the servlet services share it: the
 * gateway's {@code ClientAddresses} and auth-service's login apply it to requests.
 */
public final class TrustedProxies {

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  // Starts with a hex digit or ':' so that InetAddress parses it as a literal and never resolves
  // it.
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** Nobody is trusted: every client is its TCP peer. */
  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /**
   * @param cidrs addresses ({@code 10.1.2.3}, {@code ::1}) or ranges ({@code 10.0.0.0/8}, {@code
   *     fd00::/8})
   * @throws IllegalArgumentException naming the entry that is neither
   */
  public static TrustedProxies of(List<String> cidrs) {
    List<Range> ranges = new ArrayList<>();
    for (String cidr : cidrs == null ? List.<String>of() : cidrs) {
      if (cidr != null && !cidr.isBlank()) {
        ranges.add(Range.parse(cidr.strip()));
      }
    }
    return new TrustedProxies(ranges);
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  public boolean isTrusted(InetAddress address) {
    return address != null && ranges.stream().anyMatch(range -> range.contains(address));
  }

  /**
   * The client's address: the rightmost address that is not a trusted proxy, walking from the TCP
   * peer leftwards through {@code X-Forwarded-For}; the leftmost entry when every hop is trusted;
   * {@code null} only when the peer is unknown.
   *
   * @param peer the TCP peer
   * @param forwardedFor every {@code X-Forwarded-For} header line as received, in order
   */
  public InetAddress client(InetAddress peer, List<String> forwardedFor) {
    InetAddress hop = peer;
    if (hop == null || !isTrusted(hop)) {
      return hop;
    }
    List<String> entries = entries(forwardedFor);
    for (int i = entries.size() - 1; i >= 0; i--) {
      InetAddress next = parseLiteral(entries.get(i));
      if (next == null) {
        return hop; // not an address: stop at the proxy that wrote it
      }
      hop = next;
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return hop;
  }

  /**
   * The {@code X-Forwarded-For} to send on: the chain received, only when the peer is a trusted
   * proxy, with the peer's address appended; just the peer's address otherwise (what a client wrote
   * itself is dropped). {@code null} when the peer is unknown and nothing is trusted.
   */
  public String forwardedFor(InetAddress peer, List<String> forwardedFor) {
    List<String> chain = new ArrayList<>();
    if (peer != null && isTrusted(peer)) {
      chain.addAll(entries(forwardedFor));
    }
    if (peer != null) {
      chain.add(peer.getHostAddress());
    }
    return chain.isEmpty() ? null : String.join(", ", chain);
  }

  /** The comma-separated entries of every header line, left to right, trimmed, blanks dropped. */
  static List<String> entries(List<String> headerLines) {
    List<String> entries = new ArrayList<>();
    if (headerLines != null) {
      for (String line : headerLines) {
        if (line == null) {
          continue;
        }
        for (String entry : line.split(",")) {
          if (!entry.isBlank()) {
            entries.add(entry.strip());
          }
        }
      }
    }
    return entries;
  }

  /**
   * An IP literal as a proxy writes it ({@code 203.0.113.7}, {@code 203.0.113.7:51234}, {@code
   * 2001:db8::1}, {@code [2001:db8::1]:443}), or {@code null} when the text is not one. Never looks
   * a name up.
   */
  public static InetAddress parseLiteral(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      if (end < 0) {
        return null;
      }
      s = s.substring(1, end);
    } else {
      int colon = s.indexOf(':');
      if (colon > 0 && colon == s.lastIndexOf(':') && s.indexOf('.') >= 0) {
        s = s.substring(0, colon); // IPv4 with a port
      }
    }
    boolean literal =
        IPV4.matcher(s).matches()
            || (IPV6.matcher(s).matches() && s.chars().filter(c -> c == ':').count() >= 2);
    if (!literal) {
      return null;
    }
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return ranges.toString();
  }

  /** An address range in CIDR notation; IPv4-mapped IPv6 addresses count as IPv4. */
  record Range(byte[] network, int prefixLength, String text) {

    static Range parse(String cidr) {
      int slash = cidr.indexOf('/');
      InetAddress address = parseLiteral(slash < 0 ? cidr : cidr.substring(0, slash));
      if (address == null || (slash >= 0 && cidr.indexOf('[') >= 0)) {
        throw new IllegalArgumentException(
            "Not an IP address or CIDR range: '" + cidr + "' (e.g. 10.0.0.0/8, ::1)");
      }
      int bits = address.getAddress().length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException(
              "Bad prefix length in '" + cidr + "': 0 to " + bits + " for this address");
        }
      }
      return new Range(address.getAddress(), prefix, cidr);
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      int fullBytes = prefixLength / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (candidate[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixLength % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xFF00 >> rest & 0xFF;
      return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
