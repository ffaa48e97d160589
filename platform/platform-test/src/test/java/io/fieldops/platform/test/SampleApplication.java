package io.fieldops.platform.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application @IntegrationTest can start: web, JDBC and Kafka auto-configuration. */
@SpringBootApplication
public class SampleApplication {}
