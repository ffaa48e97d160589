package io.fieldops.notification.it;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.IntegrationTest;
import io.fieldops.platform.test.TestTokenIssuer;
import io.fieldops.platform.test.TestUser;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * notification-service on a random port against its own database and the shared Kafka broker, with
 * a real STOMP client over a real WebSocket.
 */
@IntegrationTest
abstract class NotificationIntegrationTest {

  static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Receipts and heartbeats of the test's STOMP clients. */
  private static final org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler SCHEDULER =
      new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler();

  static {
    SCHEDULER.setThreadNamePrefix("test-stomp-");
    SCHEDULER.setDaemon(true);
    SCHEDULER.initialize();
  }

  @LocalServerPort int port;

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.messaging.simp.user.SimpUserRegistry users;

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  private final java.util.List<AutoCloseable> open = new java.util.ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
    open.clear();
  }

  Http http() {
    return Http.to(port);
  }

  Http as(TestUser user) {
    return http().bearer(ISSUER.token(user));
  }

  /** Publishes an envelope to {@code topic}, as the outbox of booking-service would. */
  void publish(
      String topic, UUID eventId, String type, UUID orgId, Instant occurredAt, String data) {
    String envelope =
        """
        {"id": "%s", "type": "%s", "version": 1, "occurred_at": "%s", "org_id": "%s",
         "data": %s}
        """
            .formatted(eventId, type, occurredAt, orgId, data);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  topic, eventId.toString(), envelope.getBytes(StandardCharsets.UTF_8)))
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** ticket-service's {@code ticket.assigned}, cut to what matters here: the ticket and who. */
  void assign(UUID orgId, String ticketId, TestUser technician) {
    publish(
        "tickets",
        UUID.randomUUID(),
        "ticket.assigned",
        orgId,
        Instant.now(),
        "{\"id\": \"%s\", \"details\": \"Aircon\", \"added\": [\"%s\"]}"
            .formatted(ticketId, technician.id()));
  }

  /** Seed 001's booking event data as booking-service sends it. */
  static String bookingData(String bookingId, String service) {
    return """
        {"booking": {"id": "%s", "service_name": "%s", "booking_date": "2030-10-20",
                     "booking_time": "14:00:00", "status": "upcoming", "notes": "Agent created booking"},
         "user_details": {"id": "0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21", "username": "1234567890",
                          "first_name": "John", "last_name": "Doe", "email": "john.doe@example.com"}}
        """
        .formatted(bookingId, service);
  }

  /** A STOMP connection: what it received on its subscription, and the ERROR frames. */
  final class Stomp {
    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    final CompletableFuture<StompSession> session;

    Stomp(String token) {
      WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
      // raw bytes: the test parses the JSON itself, whatever the content-type
      client.setMessageConverter(
          new org.springframework.messaging.converter.SimpleMessageConverter());
      client.setTaskScheduler(SCHEDULER);
      StompHeaders connect = new StompHeaders();
      if (token != null) {
        connect.add("Authorization", "Bearer " + token);
      }
      session =
          client.connectAsync(
              "ws://localhost:" + port + "/ws",
              new WebSocketHttpHeaders(),
              connect,
              new StompSessionHandlerAdapter() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                  return byte[].class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                  errors.add(String.valueOf(headers.getFirst("message")));
                }

                @Override
                public void handleException(
                    StompSession s, StompCommand c, StompHeaders h, byte[] p, Throwable e) {
                  errors.add("exception: " + e);
                }

                @Override
                public void handleTransportError(StompSession s, Throwable e) {
                  errors.add("transport: " + e);
                }
              });
      open.add(
          () -> {
            if (session.isDone() && !session.isCompletedExceptionally()) {
              StompSession s = session.join();
              if (s.isConnected()) {
                s.disconnect();
              }
            }
            client.stop();
          });
    }

    StompSession connected() {
      return session.orTimeout(10, TimeUnit.SECONDS).join();
    }

    /**
     * Subscribes. The simple broker sends no RECEIPT frames: {@link #subscribeAs} waits until the
     * server has registered an allowed subscription instead.
     */
    Stomp subscribe(String destination) {
      connected()
          .subscribe(
              destination,
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
      return this;
    }

    /** Subscribes as {@code user} and waits until the server holds the subscription. */
    Stomp subscribeAs(TestUser user, String destination) {
      subscribe(destination);
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  users
                          .findSubscriptions(
                              sub ->
                                  destination.equals(sub.getDestination())
                                      && user.id()
                                          .toString()
                                          .equals(sub.getSession().getUser().getName()))
                          .size()
                      == 1);
      return this;
    }

    JsonNode next(Duration timeout) throws InterruptedException {
      return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  static String topicOf(UUID orgId) {
    return "/topic/orgs/" + orgId + "/notifications";
  }
}
