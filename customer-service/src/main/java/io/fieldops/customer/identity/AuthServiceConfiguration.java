package io.fieldops.customer.identity;

import io.fieldops.customer.config.CustomerProperties;
import io.fieldops.platform.calls.PeerBreakers;
import java.net.http.HttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The auth-service client: an HTTP interface over a RestClient that resolves {@code
 * lb://auth-service} through Eureka, with HTTP timeouts, behind a Resilience4j time limiter and
 * circuit breaker named {@value AuthService#BREAKER}.
 */
@Configuration(proxyBeanMethods = false)
class AuthServiceConfiguration {

  @Bean
  AuthServiceApi authServiceApi(
      RestClient.Builder builder,
      CustomerProperties properties,
      ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer) {
    CustomerProperties.AuthService auth = properties.authService();
    var httpClient = HttpClient.newBuilder().connectTimeout(auth.timeout()).build();
    var requestFactory = new JdkClientHttpRequestFactory(httpClient);
    requestFactory.setReadTimeout(auth.timeout());
    RestClient.Builder client = builder.clone().requestFactory(requestFactory);
    String baseUrl = auth.baseUrl().toString();
    String configured = baseUrl;
    if (auth.loadBalanced()) {
      // lb://auth-service -> http://auth-service, whose host the interceptor picks from Eureka
      BlockingLoadBalancerInterceptor interceptor =
          loadBalancer.getIfAvailable(
              () -> {
                throw new IllegalStateException(
                    "fieldops.customers.auth-service.base-url is "
                        + configured
                        + " but no load balancer is configured (is discovery disabled?)");
              });
      client.requestInterceptor(interceptor);
      baseUrl = "http://" + auth.baseUrl().getHost();
    }
    RestClient restClient = client.baseUrl(baseUrl).build();
    return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient))
        .build()
        .createClient(AuthServiceApi.class);
  }

  @Bean
  Customizer<Resilience4JCircuitBreakerFactory> authServiceBreaker(CustomerProperties properties) {
    CustomerProperties.AuthService auth = properties.authService();
    return PeerBreakers.breaker(
        AuthService.BREAKER, auth.timeout(), auth.failureRateThreshold(), auth.openFor());
  }
}
