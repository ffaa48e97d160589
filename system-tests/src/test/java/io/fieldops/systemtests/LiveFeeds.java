package io.fieldops.systemtests;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dashboards as a test sees them: STOMP over the gateway's {@code /ws}, logged in with a token,
 * subscribed to the token's organisation's notifications. Close it after the test.
 */
final class LiveFeeds implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Gateway gateway;
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
  private final List<WebSocketStompClient> clients = new ArrayList<>();

  LiveFeeds(Gateway gateway) {
    this.gateway = gateway;
    scheduler.initialize();
  }

  /** A dashboard: connected through the gateway, subscribed to its organisation's feed. */
  BlockingQueue<JsonNode> dashboard(String accessToken) throws Exception {
    WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
    client.setMessageConverter(new SimpleMessageConverter());
    client.setTaskScheduler(scheduler);
    clients.add(client);
    StompHeaders connect = new StompHeaders();
    connect.add("Authorization", "Bearer " + accessToken);
    String ws = gateway.url("/ws").replaceFirst("^http", "ws");
    StompSession session =
        client
            .connectAsync(
                ws, new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() {})
            .get(30, TimeUnit.SECONDS);
    BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    session.subscribe(
        "/topic/orgs/" + organisationOf(accessToken) + "/notifications",
        new StompSessionHandlerAdapter() {
          @Override
          public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
          }

          @Override
          public void handleFrame(StompHeaders headers, Object payload) {
            messages.add(JSON.readTree(new String((byte[]) payload, StandardCharsets.UTF_8)));
          }
        });
    return messages;
  }

  /** The {@code org_id} claim of an access token. */
  static String organisationOf(String accessToken) {
    return JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]))
        .path("org_id")
        .asString();
  }

  @Override
  public void close() {
    clients.forEach(WebSocketStompClient::stop);
    scheduler.shutdown();
  }
}
