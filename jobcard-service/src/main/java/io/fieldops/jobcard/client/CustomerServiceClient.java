package io.fieldops.jobcard.client;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * customer-service as an HTTP service group: lb://customer-service through Eureka, the caller's
 * bearer token relayed, time limit and circuit breaker from platform-starter's peer client ({@code
 * fieldops.peers.customer-service.*}).
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = ClientDirectory.PEER, types = CustomerServiceApi.class)
class CustomerServiceClient {}
