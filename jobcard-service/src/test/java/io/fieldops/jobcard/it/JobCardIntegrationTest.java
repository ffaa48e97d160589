package io.fieldops.jobcard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.IntegrationTest;
import io.fieldops.platform.test.JsonAssertions;
import io.fieldops.platform.test.TcpProxy;
import io.fieldops.platform.test.TestTokenIssuer;
import io.fieldops.platform.test.TestUser;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * jobcard-service on a random port against its own fresh database, the shared Kafka broker and a
 * {@link CustomerStub} in place of customer-service. Each test works in an organisation of its own.
 */
@IntegrationTest
abstract class JobCardIntegrationTest {

  static final String JOBCARDS = "/api/v1/jobcards/";
  static final CustomerStub CUSTOMERS = new CustomerStub();

  /** Between jobcard-service and {@link #CUSTOMERS}; cut to make customer-service unreachable. */
  static final TcpProxy CUSTOMER_LINK =
      TcpProxy.to(CUSTOMERS.baseUrl().substring("http://".length())).open();

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  @Autowired JdbcClient jdbc;

  UUID org;
  TestUser agent;

  @BeforeEach
  void ownOrganisation() {
    org = UUID.randomUUID();
    agent = TestUser.agent(org);
  }

  @DynamicPropertySource
  static void customerService(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.http.serviceclient.customer-service.base-url",
        () -> "http://" + CUSTOMER_LINK.address());
  }

  Http as(TestUser user) {
    return Http.to(port).bearer(TestTokenIssuer.shared().token(user));
  }

  /** The user as a member of the organisation in the members read model (auth-service's events). */
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
        .param("now", java.sql.Timestamp.from(Instant.now()))
        .update();
    return user;
  }

  long jobCards(UUID orgId) {
    return jdbc.sql("select count(*) from job_card where org_id = :org")
        .param("org", orgId)
        .query(Long.class)
        .single();
  }

  static String seedModeTwo(String mobile) {
    return """
        {
            "client_data": {
                "full_name": "John Doe",
                "mobile": "%s",
                "email": "john@example.com",
                "city": "Mumbai",
                "address": "123 Main Street",
                "notes": "New customer"
            },
            "service_type": "Pest Control Service",
            "schedule_date": "2024-01-15",
            "technician_name": "Jane Smith",
            "price": "500",
            "job_type": "Customer",
            "reference": "Google"
        }
        """
        .formatted(mobile);
  }

  static String seedModeOne(String client) {
    return """
        {
            "client": %s,
            "service_type": "Pest Control Service",
            "schedule_date": "2024-01-15",
            "technician_name": "John Doe",
            "price": "500",
            "job_type": "Customer",
            "notes": "Regular pest control service"
        }
        """
        .formatted(client);
  }

  static void assertStatus(Http.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
  }

  /**
   * The problem+json every error answers, exactly ({@link JsonAssertions#assertProblem}), built
   * from its parts; {@code details} is JSON or null.
   */
  static void assertProblem(
      Http.Response response,
      int status,
      String code,
      String error,
      String message,
      String details) {
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
                error,
                message,
                details == null ? "" : ", \"details\": " + details));
  }
}
