package io.fieldops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/** A test can still override what @IntegrationTest sets, e.g. to point Kafka at a dead port. */
@IntegrationTest
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=127.0.0.1:1")
class OverridingPropertiesIT {

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void inlinedTestPropertiesOverrideTheDefaults() {
    assertThat(bootstrapServers).isEqualTo("127.0.0.1:1");
    IsolationCheck.writeAndReadOnlyOwnRows(jdbc, getClass());
  }
}
