package io.fieldops.ticket.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.IntegrationTest;
import io.fieldops.platform.test.TestTokenIssuer;
import io.fieldops.platform.test.TestUser;
import io.fieldops.ticket.reference.ReferenceDefaults;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ticket-service on a random port against its own database and the shared Kafka broker. Each test
 * works in an organisation of its own, with an ADMIN and an AGENT (level 1) who are members in the
 * read model, and the organisation's default work types and statuses.
 */
@IntegrationTest
abstract class TicketIntegrationTest {

  static final String MASTER = "/api/v1/tickets/master";

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  @Autowired JdbcClient jdbc;
  @Autowired ReferenceDefaults defaults;

  UUID org;
  TestUser admin;
  TestUser agent;
  UUID repair;
  UUID newStatus;
  UUID completed;

  @BeforeEach
  void ownOrganisation() {
    org = UUID.randomUUID();
    admin = member(TestUser.admin(org));
    agent = member(TestUser.agent(org));
    defaults.ensure(org);
    repair = id("work_type", "repair");
    newStatus = id("ticket_status", "new");
    completed = id("ticket_status", "completed");
  }

  UUID id(String table, String code) {
    return jdbc.sql("select id from " + table + " where org_id = :org and code = :code")
        .param("org", org)
        .param("code", code)
        .query(UUID.class)
        .single();
  }

  Http as(TestUser user) {
    return Http.to(port).bearer(TestTokenIssuer.shared().token(user));
  }

  /** The user as a member of their organisation in the members read model. */
  TestUser member(TestUser user) {
    jdbc.sql(
            """
            insert into organisation_member
              (org_id, user_id, roles, level, active, first_name, last_name, email, updated_at)
            values (:org, :user, :roles, :level, true, :first, :last, :email, :now)
            """)
        .param("org", user.orgId())
        .param("user", user.id())
        .param("roles", user.roles().toArray(String[]::new))
        .param("level", user.level())
        .param("first", user.givenName())
        .param("last", user.familyName())
        .param("email", user.email())
        .param("now", Timestamp.from(Instant.now()))
        .update();
    return user;
  }

  UUID merchandiseAt(UUID siteId, String name) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into merchandise (id, org_id, site_id, name, created_at, updated_at)
            values (:id, :org, :site, :name, now(), now())
            """)
        .param("id", id)
        .param("org", org)
        .param("site", siteId)
        .param("name", name)
        .update();
    return id;
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table + " where org_id = :org")
        .param("org", org)
        .query(Long.class)
        .single();
  }

  /** Seed 003's "Minimal Create", with this organisation's ids. */
  String minimal() {
    return """
        {"ticket": {"work_type_id": "%s", "assigner_id": "%s", "status_id": "%s"}}
        """
        .formatted(repair, agent.id(), newStatus);
  }

  static void assertStatus(Http.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
  }
}
