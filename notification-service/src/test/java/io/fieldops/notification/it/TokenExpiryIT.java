package io.fieldops.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.platform.test.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.support.ChannelInterceptor;

/**
 * A STOMP session lasts no longer than the access token it connected with: the feed carries
 * customers' personal data, and a member who was deactivated gets no fresh token. Real tokens that
 * expire a few seconds after CONNECT, a real STOMP client over a real WebSocket.
 */
class TokenExpiryIT extends NotificationIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration QUIET = Duration.ofMillis(500);
  private static final String EXPIRED = "The access token has expired";

  @Autowired
  @Qualifier("clientOutboundChannel") AbstractSubscribableChannel clientOutbound;

  /** A valid token for {@code user} whose {@code exp} is {@code expiresAt} (whole seconds). */
  private static String tokenExpiringAt(TestUser user, Instant expiresAt) {
    return ISSUER.sign(ISSUER.claimsBuilder(user).expirationTime(Date.from(expiresAt)).build());
  }

  private static Instant secondsFromNow(int seconds) {
    return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
  }

  private static boolean saysExpired(Stomp stomp) {
    return stomp.errors.stream().anyMatch(e -> e.contains(EXPIRED));
  }

  @Test
  void theSessionIsClosedWhenItsTokenExpiresAndHearsNothingAfter() throws Exception {
    UUID org = UUID.randomUUID();
    TestUser shortLived = TestUser.agent(org);
    Instant expiresAt = secondsFromNow(6);
    Stomp expiring =
        new Stomp(tokenExpiringAt(shortLived, expiresAt)).subscribeAs(shortLived, topicOf(org));

    await().atMost(WAIT).until(() -> saysExpired(expiring));
    assertThat(Instant.now()).as("not closed before exp").isAfterOrEqualTo(expiresAt);
    await().atMost(WAIT).until(() -> !expiring.connected().isConnected());
    await().atMost(WAIT).until(() -> users.getUser(shortLived.id().toString()) == null);

    // the organisation's next booking reaches a colleague with a valid token, and not the closed
    // one
    TestUser colleague = TestUser.agent(org);
    Stomp live = new Stomp(ISSUER.token(colleague)).subscribeAs(colleague, topicOf(org));
    publish(
        "bookings",
        UUID.randomUUID(),
        "booking.created",
        org,
        Instant.now(),
        bookingData("after-expiry", "Repair"));
    assertThat(live.next(WAIT)).isNotNull();
    assertThat(expiring.next(QUIET)).isNull();
  }

  /**
   * The frames a client sends after {@code exp} are refused even if the closing timer is late: the
   * test holds back the timer's ERROR frame so that the session is still open after expiry.
   */
  @Test
  void aSubscribeOrSendAfterExpiryIsRefused() throws Exception {
    Set<String> heldBack = ConcurrentHashMap.newKeySet();
    ChannelInterceptor holdExpiryErrors =
        new ChannelInterceptor() {
          @Override
          public Message<?> preSend(Message<?> message, MessageChannel channel) {
            StompHeaderAccessor stomp = StompHeaderAccessor.wrap(message);
            if (stomp.getCommand() == StompCommand.ERROR
                && String.valueOf(stomp.getMessage()).contains(EXPIRED)) {
              heldBack.add(SimpMessageHeaderAccessor.getSessionId(message.getHeaders()));
              return null;
            }
            return message;
          }
        };
    clientOutbound.addInterceptor(holdExpiryErrors);
    try {
      UUID org = UUID.randomUUID();
      for (Consumer<Stomp> lateFrame :
          java.util.List.<Consumer<Stomp>>of(
              stomp -> stomp.subscribe(topicOf(org)),
              stomp ->
                  stomp.connected().send("/app/anything", "{}".getBytes(StandardCharsets.UTF_8)))) {
        TestUser agent = TestUser.agent(org);
        heldBack.clear();
        Stomp stomp = new Stomp(tokenExpiringAt(agent, secondsFromNow(3)));
        stomp.connected();

        // the timer fired (after exp) and its ERROR frame was held back: the socket is still open
        await().atMost(WAIT).until(() -> !heldBack.isEmpty());
        assertThat(stomp.connected().isConnected()).isTrue();
        assertThat(stomp.errors).isEmpty();

        lateFrame.accept(stomp);

        await().atMost(WAIT).until(() -> saysExpired(stomp));
        assertThat(stomp.errors).noneMatch(e -> e.contains("Access denied"));
        assertThat(users.findSubscriptions(s -> topicOf(org).equals(s.getDestination()))).isEmpty();
      }
    } finally {
      clientOutbound.removeInterceptor(holdExpiryErrors);
    }
  }

  @Test
  void aTokenPastItsExpiryIsRefusedAtConnectEvenWithinTheDecodersClockSkew() {
    TestUser agent = TestUser.agent(UUID.randomUUID());
    // Spring's JWT decoder accepts a token up to 60 s after exp; a session could not last at all
    String justExpired = tokenExpiringAt(agent, Instant.now().minusSeconds(10));
    String withoutExpiry = ISSUER.sign(ISSUER.claimsBuilder(agent).expirationTime(null).build());

    for (String token : new String[] {justExpired, withoutExpiry}) {
      Stomp refused = new Stomp(token);
      await().atMost(WAIT).until(() -> refused.session.isDone() || !refused.errors.isEmpty());
      await()
          .atMost(WAIT)
          .until(() -> refused.errors.stream().anyMatch(e -> e.contains("A valid access token")));
    }
  }
}
