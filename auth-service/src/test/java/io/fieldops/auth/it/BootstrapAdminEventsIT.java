package io.fieldops.auth.it;

import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.events.EventTypes;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.test.KafkaProbe;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo admin created at start-up is announced on {@code users} like any registered founder, so
 * read models in other services (organisation members, customers) know them too.
 */
@TestPropertySource(
    properties = {
      "fieldops.bootstrap.admin-email=Boot.Admin@Demo.fieldops.local",
      "fieldops.bootstrap.admin-password=fieldops-demo-admin"
    })
class BootstrapAdminEventsIT extends AuthIntegrationTest {

  private static final String EMAIL = "boot.admin@demo.fieldops.local";

  @Autowired JdbcTemplate jdbc;

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  @Test
  void bootstrapAdminIsPublishedOnceAsRegisteredWithItsMembershipOfTheDefaultOrganisation() {
    String adminId =
        jdbc.queryForObject("select id from app_user where email = ?", UUID.class, EMAIL)
            .toString();
    String orgId =
        jdbc.queryForObject("select id from organisation where slug = 'demo'", UUID.class)
            .toString();

    try (KafkaProbe probe = new KafkaProbe(kafka, Topics.USERS)) {
      JsonNode registered = awaitEvent(probe, adminId, EventTypes.Users.REGISTERED);

      assertThat(registered.path("org_id").asString()).isEqualTo(orgId);
      assertJson(
          registered.path("data").toString(),
          """
          {"user_id": "%s", "username": "%s", "email": "%s", "first_name": "Admin",
           "last_name": "", "phone_number": null, "organization_id": "%s",
           "roles": ["ADMIN"], "level": 3, "kind": "STAFF"}
          """
              .formatted(adminId, EMAIL, EMAIL, orgId));
      // Nothing else about the admin: a new account's user.registered carries its membership, so
      // no membership.changed goes with it (the probe reads the topic from its start).
      assertThat(probe.seen())
          .filteredOn(r -> adminId.equals(r.key()))
          .extracting(r -> ProfileUpdateIT.json(r).path("type").asString())
          .containsExactly(EventTypes.Users.REGISTERED);
    }
  }

  private static JsonNode awaitEvent(KafkaProbe probe, String key, String type) {
    ConsumerRecord<String, byte[]> record =
        probe.awaitRecord(
            Duration.ofSeconds(30),
            r ->
                key.equals(r.key())
                    && ProfileUpdateIT.json(r).path("type").asString().equals(type));
    return ProfileUpdateIT.json(record);
  }
}
