package io.fieldops.booking.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for the periodic clean-up of expired Idempotency-Key records. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ServiceConfiguration {}
