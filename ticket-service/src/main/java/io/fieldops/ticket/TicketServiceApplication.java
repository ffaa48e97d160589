package io.fieldops.ticket;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TicketServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(TicketServiceApplication.class, args);
  }
}
