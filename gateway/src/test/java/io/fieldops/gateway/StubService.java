package io.fieldops.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for one fieldops service: a real HTTP server on a free port that answers every request
 * with what it received (service, method, path with query, Authorization header), after an optional
 * delay. Tests read the echo to see where the gateway routed a request and what it sent.
 */
final class StubService implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final DisposableServer server;

  private StubService(String serviceId, Duration delay) {
    this.server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) -> {
                  if ("websocket".equalsIgnoreCase(request.requestHeaders().get("Upgrade"))) {
                    // A WebSocket that answers every text frame with "<service>: <frame>".
                    return response.sendWebsocket(
                        (in, out) ->
                            out.sendString(
                                in.receive().asString().map(text -> serviceId + ": " + text)));
                  }
                  Map<String, Object> echo = new LinkedHashMap<>();
                  echo.put("service", serviceId);
                  echo.put("method", request.method().name());
                  echo.put("uri", request.uri());
                  echo.put(
                      "authorization",
                      Objects.requireNonNullElse(
                          request.requestHeaders().get("Authorization"), ""));
                  String body = JSON.writeValueAsString(echo);
                  return response
                      .header("Content-Type", "application/json")
                      .sendString(Mono.just(body).delayElement(delay))
                      .then();
                })
            .bindNow();
  }

  static StubService start(String serviceId) {
    return new StubService(serviceId, Duration.ZERO);
  }

  static StubService startSlow(String serviceId, Duration delay) {
    return new StubService(serviceId, delay);
  }

  String uri() {
    return "http://127.0.0.1:" + server.port();
  }

  @Override
  public void close() {
    server.disposeNow();
  }
}
