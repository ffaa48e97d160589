package io.fieldops.ticket.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.IntegrationTest;
import io.fieldops.platform.test.JsonAssertions;
import io.fieldops.platform.test.TestTokenIssuer;
import io.fieldops.platform.test.TestUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * ticket-service on a random port against its own database, for the reference-data endpoints (issue
 * 14). Each test works in a new organisation of its own with a SUPERVISOR (level 2) and an AGENT
 * (level 1), both members in the read model; nothing else is set up, so a test sees what a new
 * organisation sees.
 */
@IntegrationTest
abstract class ReferenceTestSupport {

  static final String WORK_TYPES = "/api/v1/tickets/work-types/";
  static final String STATUSES = "/api/v1/tickets/statuses/";
  static final String COMPANIES = "/api/v1/tickets/companies/";
  static final String SITES = "/api/v1/tickets/sites/";
  static final String CONTACTS = "/api/v1/tickets/contacts/";
  static final String MERCHANDISE = "/api/v1/tickets/merchandise/";
  static final String EMPLOYEES = "/api/v1/tickets/employees/";

  @LocalServerPort int port;

  @Autowired JdbcClient jdbc;

  UUID org;
  TestUser supervisor;
  TestUser agent;

  @BeforeEach
  void ownOrganisation() {
    org = UUID.randomUUID();
    supervisor = member(TestUser.supervisor(org));
    agent = member(TestUser.agent(org));
  }

  /** Thai, the service's default language. */
  Http as(TestUser user) {
    return Http.to(port).bearer(TestTokenIssuer.shared().token(user));
  }

  Http english(TestUser user) {
    return as(user).header("Accept-Language", "en");
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

  /** Creates through the API as {@code user} and answers the created row ({@code data}). */
  JsonNode create(TestUser user, String path, String json) {
    Http.Response created = as(user).postJson(path, json);
    assertStatus(created, 201);
    JsonNode data = created.json().path("data");
    assertThat(created.header("Location"))
        .endsWith(path.substring(0, path.length() - 1) + "/" + data.path("id").asString());
    return data;
  }

  JsonNode company(String taxId, String nameTh, String nameEn) {
    return create(
        supervisor,
        COMPANIES,
        """
        {"tax_id": "%s", "name_th": "%s", "name_en": "%s"}
        """
            .formatted(taxId, nameTh, nameEn));
  }

  JsonNode site(String name, String companyId) {
    return create(
        supervisor,
        SITES,
        """
        {"name": "%s", "company_id": %s}
        """
            .formatted(name, companyId == null ? "null" : "\"" + companyId + "\""));
  }

  JsonNode merchandise(String siteId, String name, String serialNo) {
    return create(
        supervisor,
        MERCHANDISE,
        """
        {"site_id": "%s", "name": "%s", "model": "LaserJet", "serial_no": "%s"}
        """
            .formatted(siteId, name, serialNo));
  }

  /** The id of one of the organisation's rows by code (work types, statuses). */
  UUID idOf(String table, String code) {
    return jdbc.sql("select id from " + table + " where org_id = :org and code = :code")
        .param("org", org)
        .param("code", code)
        .query(UUID.class)
        .single();
  }

  /**
   * A ticket at {@code siteId} that links {@code merchandiseId}, written straight to the tables so
   * that these tests depend on nothing but the schema.
   */
  UUID ticketLinking(UUID siteId, UUID merchandiseId) {
    UUID ticket = UUID.randomUUID();
    jdbc.sql(
            """
            insert into ticket (id, org_id, work_type_id, assigner_id, status_id, site_id,
                                created_by, created_at, updated_at, version)
            values (:id, :org, :type, :assigner, :status, :site, :assigner, now(), now(), 0)
            """)
        .param("id", ticket)
        .param("org", org)
        .param("type", idOf("work_type", "repair"))
        .param("assigner", agent.id())
        .param("status", idOf("ticket_status", "new"))
        .param("site", siteId)
        .update();
    jdbc.sql(
            "insert into ticket_merchandise (ticket_id, merchandise_id, site_id)"
                + " values (:ticket, :merchandise, :site)")
        .param("ticket", ticket)
        .param("merchandise", merchandiseId)
        .param("site", siteId)
        .update();
    return ticket;
  }

  static List<String> texts(JsonNode page, String member) {
    List<String> values = new ArrayList<>();
    page.path("results").forEach(row -> values.add(row.path(member).asString()));
    return values;
  }

  static void assertStatus(Http.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
  }

  /** The exact problem+json answer; {@code details} is JSON or null for none. */
  static void assertProblem(
      Http.Response response, int status, String code, String message, String details) {
    JsonAssertions.assertProblem(
        response,
        status,
        """
        {"type": "urn:fieldops:problem:%s", "title": "%s", "status": %d, "detail": "%s",
         "instance": "%s", "success": false, "error": "%s", "message": "%s"%s}
        """
            .formatted(
                code,
                HttpStatus.valueOf(status).getReasonPhrase(),
                status,
                message,
                response.json().path("instance").asString(),
                message,
                message,
                details == null ? "" : ", \"details\": " + details));
  }
}
