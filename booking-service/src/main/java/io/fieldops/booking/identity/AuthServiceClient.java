package io.fieldops.booking.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * auth-service as an HTTP service group: lb://auth-service through Eureka, this service's
 * client-credentials token, timeouts and circuit breaker from platform-starter's peer client
 * ({@code fieldops.peers.auth-service.*} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = AuthService.PEER, types = AuthServiceApi.class)
class AuthServiceClient {}
