package io.fieldops.customer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** customer-service: everything about a customer that is not identity (seeds 002, 004, 000). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CustomerServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CustomerServiceApplication.class, args);
  }
}
