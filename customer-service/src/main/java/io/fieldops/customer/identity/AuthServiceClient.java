package io.fieldops.customer.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * auth-service as an HTTP service group: lb://auth-service through Eureka, the caller's own bearer
 * token relayed (auth-service decides what that user may see), timeouts and circuit breaker from
 * platform-starter's peer client ({@code fieldops.peers.auth-service.*}).
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = AuthService.PEER, types = AuthServiceApi.class)
class AuthServiceClient {}
