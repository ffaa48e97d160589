package io.fieldops.platform.events;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A miniature service: a JPA aggregate published through the outbox and a projection of it. */
@SpringBootApplication
public class SampleEventsApplication {}
