package io.fieldops.platform.management;

import io.fieldops.platform.security.PlatformApiSecurity;
import io.fieldops.platform.security.PlatformSecurityAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The management port, when the deployment gives the actuator one ({@code management.server.port}):
 * its endpoints are served without a token. That port is the boundary: no Service, route or Ingress
 * leads to it, the k8s NetworkPolicy opens it to the monitoring namespace only, the devstack binds
 * it to loopback. A token would not be one anyway: an organisation's ADMIN is not the deployment's
 * operator, while metrics and key rotation span every organisation.
 *
 * <p>{@link EndpointRequest} matches only requests that reached the management server when it has a
 * port of its own, so this chain never opens anything on the service's port. After {@link
 * PlatformSecurityAutoConfiguration}, whose default chain is made only while no other exists.
 */
@AutoConfiguration(
    after = PlatformSecurityAutoConfiguration.class,
    before = {
      ServletWebSecurityAutoConfiguration.class,
      ManagementWebSecurityAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
public class ManagementPortSecurityAutoConfiguration {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain managementPortSecurityFilterChain(HttpSecurity http) throws Exception {
    // stateless: no cookies, so an operator's write operation (POST) needs no CSRF token
    return PlatformApiSecurity.stateless(http.securityMatcher(EndpointRequest.toAnyEndpoint()))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .build();
  }
}
