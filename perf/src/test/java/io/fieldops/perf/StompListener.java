package io.fieldops.perf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One dashboard client: a plain WebSocket speaking just enough STOMP 1.2 (CONNECT with the bearer
 * token, one SUBSCRIBE, MESSAGE frames) to time when each message arrives. A benchmark harness
 * only; the dashboard itself uses @stomp/stompjs.
 */
final class StompListener implements WebSocket.Listener {

  private final StringBuilder pending = new StringBuilder();
  private final CompletableFuture<Void> connected = new CompletableFuture<>();
  private final String destination;
  private final BiConsumer<String, Long> onMessage;
  private WebSocket socket;

  private StompListener(String destination, BiConsumer<String, Long> onMessage) {
    this.destination = destination;
    this.onMessage = onMessage;
  }

  /** Connected and subscribed; {@code onMessage} gets each MESSAGE body and its arrival nanos. */
  static StompListener open(
      HttpClient http,
      String wsUrl,
      String token,
      String destination,
      BiConsumer<String, Long> onMessage) {
    StompListener listener = new StompListener(destination, onMessage);
    listener.socket =
        http.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(URI.create(wsUrl), listener)
            .orTimeout(15, TimeUnit.SECONDS)
            .join();
    listener.socket.sendText(
        "CONNECT\naccept-version:1.2\nheart-beat:0,0\nhost:localhost\nAuthorization:Bearer "
            + token
            + "\n\n\0",
        true);
    listener.connected.orTimeout(15, TimeUnit.SECONDS).join();
    listener.socket.sendText("SUBSCRIBE\nid:sub-0\ndestination:" + destination + "\n\n\0", true);
    return listener;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    long arrived = System.nanoTime();
    pending.append(data);
    int end;
    while ((end = pending.indexOf("\0")) >= 0) {
      String frame = pending.substring(0, end);
      pending.delete(0, end + 1);
      frame(frame.stripLeading(), arrived);
    }
    webSocket.request(1);
    return null;
  }

  private void frame(String frame, long arrived) {
    if (frame.startsWith("CONNECTED")) {
      connected.complete(null);
    } else if (frame.startsWith("MESSAGE")) {
      int body = frame.indexOf("\n\n");
      onMessage.accept(frame.substring(body + 2), arrived);
    } else if (frame.startsWith("ERROR")) {
      connected.completeExceptionally(new IllegalStateException(frame));
    }
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    connected.completeExceptionally(error);
  }

  void close() {
    socket.sendText("DISCONNECT\n\n\0", true);
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  String destination() {
    return destination;
  }
}
