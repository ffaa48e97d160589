package io.fieldops.platform.calls;

import io.github.resilience4j.retry.Retry;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * One way to call a peer service. A service declares the peer's HTTP interface as an HTTP service
 * group named after the peer, and calls it through {@link PeerCalls}:
 *
 * <pre>{@code
 * @ImportHttpServices(group = "auth-service", types = AuthServiceApi.class)
 * class AuthServiceClient {}
 *
 * peers.to("auth-service").idempotent(() -> authServiceApi.resolve(slug));
 * }</pre>
 *
 * <p>Spring Cloud LoadBalancer gives each group the base URL {@code lb://<group>} (resolved through
 * Eureka) unless {@code spring.http.serviceclient.<group>.base-url} names one. This adds, per
 * group: connect and read timeouts of {@code fieldops.peers.<group>.timeout}; the caller's bearer
 * token relayed, or, when {@code fieldops.peers.<group>.credentials} are set, this service's own
 * client-credentials token; and a circuit breaker with that time limit ({@link PeerBreakers}) that
 * {@link PeerCall} runs every call in.
 */
@AutoConfiguration
@ConditionalOnClass({
  RestClientHttpServiceGroupConfigurer.class,
  Resilience4JCircuitBreakerFactory.class,
  Retry.class
})
public class PeerClientsAutoConfiguration {

  static final String OAUTH2_CLIENT =
      "org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor";

  @Bean
  @ConditionalOnMissingBean
  PeerDirectory peerDirectory(Environment environment) {
    return new PeerDirectory(environment);
  }

  @Bean
  Customizer<Resilience4JCircuitBreakerFactory> peerBreakers(PeerDirectory peers) {
    return PeerBreakers.forEveryPeer(peers);
  }

  @Bean
  @ConditionalOnMissingBean
  PeerCalls peerCalls(CircuitBreakerFactory<?, ?> breakers, PeerDirectory peers) {
    return new PeerCalls(breakers, peers);
  }

  @Bean
  RestClientHttpServiceGroupConfigurer peerClients(PeerDirectory peers) {
    return new RestClientHttpServiceGroupConfigurer() {
      @Override
      public void configureGroups(
          Groups<org.springframework.web.client.RestClient.Builder> groups) {
        groups.forEachClient(
            (group, client) -> {
              String peer = group.name();
              PeerSettings settings = peers.apply(peer);
              var requestFactory =
                  new JdkClientHttpRequestFactory(
                      HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
              requestFactory.setReadTimeout(settings.timeout());
              client.requestFactory(requestFactory);
              client.requestInterceptor(new CallerLanguageRelay());
              if (settings.credentials() == null) {
                client.requestInterceptor(new BearerTokenRelay());
              } else {
                if (!ClassUtils.isPresent(OAUTH2_CLIENT, getClass().getClassLoader())) {
                  throw new IllegalStateException(
                      "fieldops.peers."
                          + peer
                          + ".credentials needs spring-security-oauth2-client on the classpath");
                }
                client.requestInterceptor(
                    ServiceTokens.interceptor(
                        peer, settings.credentials(), peers.tokenUri(peer), settings.timeout()));
              }
            });
      }

      // after Boot's properties and Spring Cloud's load balancer: our timeouts win
      @Override
      public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
      }
    };
  }

  /** Each peer's {@link PeerSettings}, bound from {@code fieldops.peers.<name>} once. */
  static final class PeerDirectory implements Function<String, PeerSettings> {

    private final Environment environment;
    private final Binder binder;
    private final Map<String, PeerSettings> settings = new ConcurrentHashMap<>();

    PeerDirectory(Environment environment) {
      this.environment = environment;
      this.binder = Binder.get(environment);
    }

    @Override
    public PeerSettings apply(String peer) {
      return settings.computeIfAbsent(
          peer,
          name ->
              binder
                  .bind("fieldops.peers." + name, PeerSettings.class)
                  .orElse(PeerSettings.DEFAULTS)
                  .validated(name));
    }

    /** Configured, else the JWT issuer's token endpoint (the issuer is auth-service). */
    URI tokenUri(String peer) {
      PeerSettings.Credentials credentials = apply(peer).credentials();
      if (credentials != null && credentials.tokenUri() != null) {
        return credentials.tokenUri();
      }
      String issuer =
          environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
      if (issuer == null || issuer.isBlank()) {
        throw new IllegalStateException(
            "Set fieldops.peers."
                + peer
                + ".credentials.token-uri or spring.security.oauth2.resourceserver.jwt.issuer-uri"
                + " (auth-service's address)");
      }
      return URI.create(issuer.replaceAll("/+$", "") + "/oauth2/token");
    }
  }
}
