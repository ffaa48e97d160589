package io.fieldops.notification.live;

import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.CurrentUserClaims;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who is on a STOMP connection, and what they may subscribe to. The CONNECT frame carries the
 * access token ({@code Authorization: Bearer ...}), checked like every request (signature, issuer,
 * audience, expiry; the JWKS is cached) and, since the session will last only as long as it, also
 * refused once its {@code exp} has passed (the decoder allows a minute of clock skew); without a
 * valid one the connection is refused with an ERROR frame. A subscription is allowed only to the
 * caller's own organisation's topic, for staff of level 1 and up, and to the caller's own topic in
 * that organisation ({@link LiveFeed#topicOf(java.util.UUID, java.util.UUID)}), for any staff;
 * clients send nothing. After the token has expired every frame but DISCONNECT and UNSUBSCRIBE is
 * refused ({@link SessionExpiry} closes the session at that moment anyway).
 *
 * <p>A refusal throws: Spring answers the client with an ERROR frame carrying the message and
 * closes the connection.
 */
@Component
class StompAuthentication implements ChannelInterceptor {

  private static final Logger log = LoggerFactory.getLogger(StompAuthentication.class);
  static final String TOKEN_REQUIRED = "A valid access token is required (Authorization: Bearer)";
  static final String FORBIDDEN = "Access denied";

  private final JwtDecoder jwtDecoder;
  private final JwtAuthenticationConverter converter;

  StompAuthentication(JwtDecoder jwtDecoder, JwtAuthenticationConverter converter) {
    this.jwtDecoder = jwtDecoder;
    this.converter = converter;
  }

  @Override
  public Message<?> preSend(Message<?> message, MessageChannel channel) {
    StompHeaderAccessor stomp =
        MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
    if (stomp == null || stomp.getCommand() == null) {
      return message;
    }
    switch (stomp.getCommand()) {
      case CONNECT, STOMP -> stomp.setUser(authenticate(stomp));
      case DISCONNECT, UNSUBSCRIBE -> {
        // leaving is always allowed
      }
      default -> {
        if (!(stomp.getUser() instanceof JwtAuthenticationToken)) {
          throw new MessageDeliveryException(TOKEN_REQUIRED);
        }
        if (SessionExpiry.hasExpired(stomp.getUser())) {
          log.debug("STOMP {} refused: the token has expired", stomp.getCommand());
          throw new MessageDeliveryException(SessionExpiry.TOKEN_EXPIRED);
        }
        switch (stomp.getCommand()) {
          case SUBSCRIBE -> authorise(stomp);
          case SEND -> throw new MessageDeliveryException(FORBIDDEN);
          default -> {
            // ACK, NACK, transactions: nothing to check
          }
        }
      }
    }
    return message;
  }

  private JwtAuthenticationToken authenticate(StompHeaderAccessor stomp) {
    String header = stomp.getFirstNativeHeader("Authorization");
    if (header == null) {
      header = stomp.getFirstNativeHeader("authorization");
    }
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new MessageDeliveryException(TOKEN_REQUIRED);
    }
    try {
      Jwt jwt = jwtDecoder.decode(header.substring(7).trim());
      CurrentUserClaims.from(jwt); // a client-credentials token names no user: refused
      JwtAuthenticationToken user = (JwtAuthenticationToken) converter.convert(jwt);
      if (SessionExpiry.hasExpired(user)) { // no exp, or within the decoder's clock skew
        throw new IllegalArgumentException("the token has no exp or has expired");
      }
      return user;
    } catch (RuntimeException e) { // JwtException, or no user in the token
      log.debug("STOMP CONNECT refused: {}", e.getMessage());
      throw new MessageDeliveryException(TOKEN_REQUIRED);
    }
  }

  private void authorise(StompHeaderAccessor stomp) {
    CurrentUser user = userOf(stomp.getUser());
    String destination = stomp.getDestination();
    boolean allowed =
        user.orgId() != null
            && user.isStaff()
            // the whole organisation's feed: staff of level 1 and up, not a level 0 technician
            && (LiveFeed.topicOf(user.orgId()).equals(destination) && user.worksOrganisationData()
                // what is addressed to them in person: any staff, technicians included
                || LiveFeed.topicOf(user.orgId(), user.id()).equals(destination));
    if (!allowed) {
      log.info(
          "User {} of organisation {} may not subscribe to {}",
          user.id(),
          user.orgId(),
          destination);
      throw new MessageDeliveryException(FORBIDDEN);
    }
  }

  private static CurrentUser userOf(Principal principal) {
    if (principal instanceof JwtAuthenticationToken token) {
      return CurrentUserClaims.from(token.getToken());
    }
    throw new MessageDeliveryException(TOKEN_REQUIRED);
  }
}
