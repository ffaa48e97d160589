package io.fieldops.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback port in front of a real server that a test can cut and reconnect, to exercise the
 * "peer down, then back" path of a client with no fake in between: while cut, nothing listens on
 * the port (connection refused, as for a stopped process); while open, bytes are forwarded as is.
 *
 * <pre>{@code
 * try (TcpProxy kafka = TcpProxy.to(SharedInfrastructure.get().kafkaBootstrapServers())) {
 *   // application bootstrap servers: kafka.address(), currently unreachable
 *   kafka.open(); // reachable from now on
 * }
 * }</pre>
 *
 * <p>For Kafka this only blocks bootstrapping: once a client has metadata it connects to the
 * broker's advertised address directly. That is exactly the "Kafka was down when the application
 * started or first published" case.
 */
public final class TcpProxy implements AutoCloseable {

  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private ServerSocket server;
  private Thread acceptor;

  private TcpProxy(InetSocketAddress target, int port) {
    this.target = target;
    this.port = port;
  }

  /** A proxy to {@code host:port} (the first entry of a comma-separated list), initially cut. */
  public static TcpProxy to(String hostAndPort) {
    String first = hostAndPort.split(",")[0].trim();
    int colon = first.lastIndexOf(':');
    return to(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
  }

  /** A proxy to {@code host:port} on a free loopback port, initially cut. */
  public static TcpProxy to(String host, int port) {
    return new TcpProxy(new InetSocketAddress(host, port), freePort());
  }

  public int port() {
    return port;
  }

  /** {@code 127.0.0.1:port}, what the client under test should be configured with. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /** Starts accepting and forwarding connections. */
  public synchronized TcpProxy open() {
    if (server != null) {
      return this;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      server = socket;
      acceptor =
          Thread.ofPlatform().daemon().name("tcp-proxy-" + port).start(() -> acceptLoop(socket));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + address(), e);
    }
  }

  /**
   * Stops listening and drops every forwarded connection. Returns only once the port refuses: a
   * listening socket closed while a thread is blocked in accept() is released by that thread, so
   * until it has left accept() the kernel still queues (and may hand over) new connections.
   */
  public synchronized TcpProxy cut() {
    closeQuietly(server);
    server = null;
    if (acceptor != null) {
      try {
        acceptor.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      acceptor = null;
    }
    connections.forEach(TcpProxy::closeQuietly);
    connections.clear();
    return this;
  }

  @Override
  public void close() {
    cut();
  }

  private void acceptLoop(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        if (socket.isClosed()) {
          // accepted in the instant cut() closed the port: the proxy is down, so refuse it
          closeQuietly(client);
          return;
        }
        Socket upstream = new Socket(target.getHostString(), target.getPort());
        connections.add(client);
        connections.add(upstream);
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException e) {
        // accept() fails when cut() closes the socket; a failed upstream connect drops the client.
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // the other side went away
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                connections.remove(from);
                connections.remove(to);
              }
            });
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // closing is best effort
    }
  }
}
