package io.fieldops.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP against the gateway, the way a browser or an agent system calls the suite. */
public final class Gateway {

  /** Longer than any answer the gateway should give: its own time limit is 10 s. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final String baseUrl;
  private final HttpClient http;

  Gateway(String baseUrl) {
    this(baseUrl, null);
  }

  private Gateway(String baseUrl, InetAddress localAddress) {
    this.baseUrl = baseUrl;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER);
    if (localAddress != null) {
      builder.localAddress(localAddress);
    }
    this.http = builder.build();
  }

  /**
   * The same gateway, called from another loopback address ({@code 127.0.0.2}): a second client
   * machine, as far as the gateway's TCP peer address goes.
   */
  public Gateway from(String loopbackAddress) {
    try {
      return new Gateway(
          baseUrl.replace("//localhost", "//127.0.0.1"), InetAddress.getByName(loopbackAddress));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(loopbackAddress, e);
    }
  }

  public String url(String path) {
    return baseUrl + path;
  }

  public GatewayResponse get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  public GatewayResponse post(String path, String json, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public GatewayResponse put(String path, String json, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A request for {@code path} with the default Accept and the given name/value header pairs. */
  public HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url(path)))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json, application/problem+json");
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  public GatewayResponse send(HttpRequest.Builder request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new GatewayResponse(
          response.statusCode(),
          response.headers(),
          response.body(),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
