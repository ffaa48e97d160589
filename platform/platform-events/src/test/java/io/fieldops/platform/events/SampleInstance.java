package io.fieldops.platform.events;

import io.fieldops.platform.test.SharedInfrastructure;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One instance of the sample application on a given database and Kafka address, for tests that stop
 * an instance and start the next one on the same data (a restart, a crash).
 */
final class SampleInstance {

  private SampleInstance() {}

  /** An instance without listeners whose Kafka sends fail fast; {@code extra} as --name=value. */
  static ConfigurableApplicationContext start(String database, String kafka, String... extra) {
    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + infrastructure.jdbcUsername(),
                "--spring.datasource.password=" + infrastructure.jdbcPassword(),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.kafka.listener.auto-startup=false",
                "--spring.kafka.producer.properties.max.block.ms=1500",
                "--eureka.client.enabled=false"));
    args.addAll(List.of(extra));
    // command-line arguments: above the test application.yml
    return new SpringApplicationBuilder(SampleEventsApplication.class)
        .web(WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }

  static int count(JdbcTemplate jdbc, String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }
}
