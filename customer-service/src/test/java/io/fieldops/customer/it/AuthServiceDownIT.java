package io.fieldops.customer.it;

import static io.fieldops.customer.it.CustomerIntegrationTest.NO_IDENTITY;
import static io.fieldops.customer.it.CustomerIntegrationTest.customer;
import static io.fieldops.customer.it.CustomerIntegrationTest.identity;
import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.IntegrationTest;
import io.fieldops.platform.test.TestTokenIssuer;
import io.fieldops.platform.test.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * auth-service slow, then gone (seed 002: "User data missing in response → Auth service
 * unavailable"): customer data is answered quickly with the identity fields null, and mobiles are
 * read in the default region. This class has an auth-service of its own to hang and stop.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthServiceDownIT {

  private static final String CUSTOMERS = CustomerIntegrationTest.CUSTOMERS;
  static final AuthStub FAILING = new AuthStub();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void failingAuthService(DynamicPropertyRegistry registry) {
    registry.add("spring.http.serviceclient.auth-service.base-url", FAILING::baseUrl);
    registry.add("fieldops.peers.auth-service.timeout", () -> "1s");
  }

  private Http as(TestUser user) {
    FAILING.register(user);
    return Http.to(port).bearer(TestTokenIssuer.shared().token(user));
  }

  private static final UUID ORG = UUID.randomUUID();
  private static final TestUser AGENT = TestUser.agent(ORG);
  private static final TestUser MEMBER = TestUser.customer(ORG);

  private Http agent() {
    return as(AGENT);
  }

  private String memberCustomer() {
    FAILING.register(MEMBER);
    Http.Response created =
        agent().postJson(CUSTOMERS, "{\"user_id\": \"%s\"}".formatted(MEMBER.id()));
    assertThat(created.status()).isIn(200, 201);
    return created.json().path("id").asString();
  }

  @Test
  @Order(1)
  void whileAuthServiceAnswersIdentityIsThere() {
    String id = memberCustomer();

    Http.Response read = agent().get(CUSTOMERS + id);

    assertJson(read, 200, customer(read.json(), identity(MEMBER), ""));
  }

  @Test
  @Order(2)
  void aHangingAuthServiceCostsAtMostTheTimeout() {
    String id = memberCustomer();
    FAILING.hang();
    try {
      Instant start = Instant.now();
      Http.Response read = agent().get(CUSTOMERS + id);
      Duration took = Duration.between(start, Instant.now());

      assertJson(read, 200, customer(read.json(), NO_IDENTITY, ""));
      assertThat(took).isLessThan(Duration.ofSeconds(3)); // timeout is 1 s in tests
    } finally {
      FAILING.release();
    }
  }

  @Test
  @Order(3)
  void aStoppedAuthServiceLeavesIdentityNullAndTheDefaultRegion() {
    String id = memberCustomer();
    FAILING.stop();
    Instant start = Instant.now();

    Http.Response read = agent().get(CUSTOMERS + id);
    Http.Response list = agent().get(CUSTOMERS);
    Http.Response client =
        as(TestUser.agent(UUID.randomUUID()))
            .postJson(
                CUSTOMERS + "clients/", "{\"full_name\": \"T\", \"mobile\": \"081-234-5678\"}");

    assertJson(read, 200, customer(read.json(), NO_IDENTITY, ""));
    assertThat(list.json().path("results").path(0).path("email").isNull()).isTrue();
    assertThat(client.status()).as(client.body()).isEqualTo(201); // TH, the default region
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    // whether a user is a member cannot be known now: no record is linked to them on a guess
    Http.Response link =
        agent().postJson(CUSTOMERS, "{\"user_id\": \"%s\"}".formatted(UUID.randomUUID()));
    assertThat(link.status()).as(link.body()).isEqualTo(503);
    assertThat(link.json().path("type").asString())
        .isEqualTo("urn:fieldops:problem:service-unavailable");
    // one second, or what auth-service's breaker has left once it opened (10 s from then)
    assertThat(Integer.parseInt(link.header("Retry-After"))).isBetween(1, 10);
    // the caller's own profile never needed auth-service
    Http own = as(MEMBER);
    Http.Response profile = own.get(CUSTOMERS + "profile/");
    assertJson(profile, 200, customer(profile.json(), identity(MEMBER), ""));
  }
}
