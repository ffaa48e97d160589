package io.fieldops.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/** Finds out, before anything starts, whether a port this stack needs is already taken. */
public final class PortCheck {

  private PortCheck() {}

  /** The first taken port as "name (port)", or empty when every port is free. */
  public static Optional<String> firstTaken(Map<String, Integer> ports) {
    return ports.entrySet().stream()
        .filter(entry -> !isFree(entry.getValue()))
        .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
        .findFirst();
  }

  public static boolean allFree(Map<String, Integer> ports) {
    return firstTaken(ports).isEmpty();
  }

  /** The first offset whose every port for these services is free, e.g. for a test stack. */
  public static OptionalInt firstFreeOffset(IntStream candidates, List<ServiceSpec> services) {
    return candidates
        .filter(offset -> allFree(new PortPlan(offset).portsFor(services)))
        .findFirst();
  }

  /**
   * Free when nothing answers on the loopback address and the wildcard address can be bound: the
   * services bind 127.0.0.1 (the wildcard with {@code --listen-all}), and a socket another program
   * holds on the wildcard would make either bind fail, so both must be available.
   */
  public static boolean isFree(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return false;
    } catch (IOException expected) {
      // nothing listens on loopback
    }
    try (ServerSocket server = new ServerSocket()) {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
