package io.fieldops.jobcard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class JobcardServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(JobcardServiceApplication.class, args);
  }
}
