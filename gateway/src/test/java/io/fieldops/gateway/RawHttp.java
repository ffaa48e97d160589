package io.fieldops.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests written byte for byte on a socket: the ones a well-behaved client (the JDK's HttpClient
 * included) refuses to send, such as {@code ?page=%zz} or a path with {@code ..}.
 */
final class RawHttp {

  private RawHttp() {}

  record Response(int status, Map<String, String> headers, String body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Sends {@code GET target} with the header lines given (and {@code Host: localhost:<port>} unless
   * they name a host), and reads until the server closes the connection.
   */
  static Response get(int port, String target, String... headerLines) {
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\n");
    if (Arrays.stream(headerLines).noneMatch(line -> line.regionMatches(true, 0, "Host:", 0, 5))) {
      request.append("Host: localhost:").append(port).append("\r\n");
    }
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Response parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("No complete HTTP answer: " + raw);
    }
    String[] lines = raw.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    return new Response(status, headers, raw.substring(end + 4));
  }
}
