package io.fieldops.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every route's circuit breaker and time limit, from {@link ResilienceProperties}. */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

  @Bean
  Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(
      ResilienceProperties properties) {
    return factory ->
        factory.configureDefault(
            id ->
                new Resilience4JConfigBuilder(id)
                    .timeLimiterConfig(
                        TimeLimiterConfig.custom()
                            .timeoutDuration(properties.timeout())
                            .cancelRunningFuture(true)
                            .build())
                    .circuitBreakerConfig(
                        CircuitBreakerConfig.custom()
                            .failureRateThreshold(properties.failureRateThreshold())
                            .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                            .waitDurationInOpenState(properties.waitInOpenState())
                            .build())
                    .build());
  }
}
