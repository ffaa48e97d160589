package io.fieldops.notification.live;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * A STOMP session lives no longer than the access token it connected with: the feed carries
 * customers' personal data, and a token is the only proof that its holder may still see it (a
 * deactivated member gets no fresh one). Three guards, so none of them has to be perfectly on time:
 *
 * <ul>
 *   <li>when the token's {@code exp} passes, the session gets an ERROR frame ({@value
 *       #TOKEN_EXPIRED}) and is closed (Spring closes a session after sending it an ERROR frame); a
 *       client reconnects with a fresh token and asks the REST history for what it missed;
 *   <li>from {@code exp} on, no MESSAGE frame reaches the session, even one already on its way
 *       while the ERROR frame is being sent (the outbound channel's threads are not ordered);
 *   <li>a SUBSCRIBE or SEND that arrives after {@code exp} is refused ({@link
 *       StompAuthentication}).
 * </ul>
 *
 * <p>Time here is the real time, as the JWT decoder checks {@code exp}: not the application's
 * {@link Clock} bean, which tests move to other calendar days while their tokens are minted now.
 */
@Component
class SessionExpiry implements ChannelInterceptor, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SessionExpiry.class);

  static final String TOKEN_EXPIRED =
      "The access token has expired: connect again with a fresh token";

  /** How long a closed session's deadline is kept in case its disconnect is never reported. */
  private static final Duration FORGET_AFTER = Duration.ofMinutes(1);

  private static final Clock REAL_TIME = Clock.systemUTC();

  private final MessageChannel clientOutbound;
  private final ScheduledThreadPoolExecutor timer;
  private final Map<String, Deadline> deadlines = new ConcurrentHashMap<>();

  private record Deadline(Instant expiresAt, ScheduledFuture<?> close) {}

  SessionExpiry(@Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound) {
    this.clientOutbound = clientOutbound;
    this.timer =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("stomp-token-expiry").daemon().factory());
    this.timer.setRemoveOnCancelPolicy(true);
  }

  /** When {@code user}'s token expires; {@code null} when the principal carries no token. */
  static Instant expiresAt(Principal user) {
    return user instanceof JwtAuthenticationToken token ? token.getToken().getExpiresAt() : null;
  }

  /** Whether {@code user}'s token has no expiry or has expired by now (real time). */
  static boolean hasExpired(Principal user) {
    Instant expiresAt = expiresAt(user);
    return expiresAt == null || !REAL_TIME.instant().isBefore(expiresAt);
  }

  /** The CONNECTED frame went out: the session ends when its token does. */
  @EventListener
  void connected(SessionConnectedEvent event) {
    String sessionId = SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
    Instant expiresAt = expiresAt(event.getUser());
    if (sessionId == null || expiresAt == null) {
      return; // StompAuthentication admits no CONNECT without a token that expires
    }
    long delay = Math.max(0, Duration.between(REAL_TIME.instant(), expiresAt).toMillis());
    ScheduledFuture<?> close = timer.schedule(() -> close(sessionId), delay, TimeUnit.MILLISECONDS);
    deadlines.put(sessionId, new Deadline(expiresAt, close));
  }

  @EventListener
  void disconnected(SessionDisconnectEvent event) {
    Deadline deadline = deadlines.remove(event.getSessionId());
    if (deadline != null) {
      deadline.close().cancel(false);
    }
  }

  /** Drops MESSAGE frames to a session whose token has expired, whatever the timer is doing. */
  @Override
  public Message<?> preSend(Message<?> message, MessageChannel channel) {
    if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.MESSAGE) {
      return message;
    }
    String sessionId = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
    Deadline deadline = sessionId == null ? null : deadlines.get(sessionId);
    if (deadline != null && !REAL_TIME.instant().isBefore(deadline.expiresAt())) {
      log.debug("Not sending to STOMP session {}: its token expired", sessionId);
      return null;
    }
    return message;
  }

  private void close(String sessionId) {
    log.debug("Closing STOMP session {}: its token expired", sessionId);
    StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
    error.setMessage(TOKEN_EXPIRED);
    error.setSessionId(sessionId);
    try {
      clientOutbound.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
    } catch (RuntimeException e) { // the session may be gone already
      log.debug("Could not send the expiry ERROR to STOMP session {}", sessionId, e);
    }
    // The disconnect normally removes the deadline; this only bounds the map should it not come.
    Deadline deadline = deadlines.get(sessionId);
    if (deadline != null) {
      timer.schedule(
          () -> deadlines.remove(sessionId, deadline),
          FORGET_AFTER.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }
}
