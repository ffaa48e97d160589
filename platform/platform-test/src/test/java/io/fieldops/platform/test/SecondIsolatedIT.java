package io.fieldops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class SecondIsolatedIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired Environment environment;

  @Test
  void seesOnlyItsOwnDatabase() {
    IsolationCheck.writeAndReadOnlyOwnRows(jdbc, getClass());
  }

  @Test
  void pointsTheApplicationAtTheSharedInfrastructureAndTestIssuer() {
    assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
        .isEqualTo(SharedInfrastructure.get().kafkaBootstrapServers());
    assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
        .isEqualTo(TestTokenIssuer.shared().jwkSetUri());
    assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
        .isEqualTo(TestTokenIssuer.shared().issuerUri());
    assertThat(environment.getProperty("eureka.client.enabled")).isEqualTo("false");
    assertThat(environment.getProperty("spring.cloud.discovery.enabled")).isEqualTo("false");
  }
}
