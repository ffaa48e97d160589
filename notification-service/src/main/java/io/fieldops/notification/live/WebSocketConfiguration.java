package io.fieldops.notification.live;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * STOMP over a plain WebSocket at {@code /ws} (reached through the gateway at {@code
 * ws://localhost:8080/ws}) with Spring's simple broker: each replica pushes to the sockets it
 * holds, and every replica consumes every event. Heartbeats every 10 s keep idle connections
 * through proxies and let both sides notice a dead peer. A session ends when the access token it
 * connected with expires ({@link SessionExpiry}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

  private final StompAuthentication authentication;
  private final SessionExpiry expiry;
  private final JsonMapper jsonMapper;
  private final List<String> allowedOriginPatterns;

  WebSocketConfiguration(
      StompAuthentication authentication,
      SessionExpiry expiry,
      JsonMapper jsonMapper,
      @Value("${fieldops.notification.allowed-origin-patterns:*}")
          List<String> allowedOriginPatterns) {
    this.authentication = authentication;
    this.expiry = expiry;
    this.jsonMapper = jsonMapper;
    this.allowedOriginPatterns = allowedOriginPatterns;
  }

  /**
   * Any origin by default: the socket carries no cookie, a page on another origin can do nothing
   * without a token it would have to hold already.
   */
  @Override
  public void registerStompEndpoints(StompEndpointRegistry registry) {
    registry
        .addEndpoint("/ws")
        .setAllowedOriginPatterns(allowedOriginPatterns.toArray(String[]::new));
  }

  @Override
  public void configureMessageBroker(MessageBrokerRegistry registry) {
    ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
    heartbeats.setThreadNamePrefix("stomp-heartbeat-");
    heartbeats.initialize();
    registry
        .enableSimpleBroker("/topic")
        .setHeartbeatValue(new long[] {10_000, 10_000})
        .setTaskScheduler(heartbeats);
    registry.setApplicationDestinationPrefixes("/app");
  }

  @Override
  public void configureClientInboundChannel(ChannelRegistration registration) {
    registration.interceptors(authentication);
  }

  /** Nothing more reaches a session once its token has expired. */
  @Override
  public void configureClientOutboundChannel(ChannelRegistration registration) {
    registration.interceptors(expiry);
  }

  /** snake_case like every fieldops JSON (Boot's mapper), not the messaging default. */
  @Override
  public boolean configureMessageConverters(List<MessageConverter> converters) {
    converters.add(new JacksonJsonMessageConverter(jsonMapper));
    return false;
  }
}
