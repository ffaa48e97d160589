package io.fieldops.customer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.IntegrationTest;
import io.fieldops.platform.test.TestTokenIssuer;
import io.fieldops.platform.test.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * No call to auth-service is made while a database transaction is open: with auth-service hanging
 * and more requests waiting on it than the pool has connections, a request that needs only the
 * database is still answered at once. (Before, each waiting request held a connection for the whole
 * time limit and the pool ran dry.)
 */
@IntegrationTest
class AuthServiceHangsIT {

  private static final String CUSTOMERS = CustomerIntegrationTest.CUSTOMERS;
  private static final int POOL = 2;
  private static final int WAITING = 3 * POOL;
  static final AuthStub HANGING = new AuthStub();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void smallPoolAndSlowAuthService(DynamicPropertyRegistry registry) {
    registry.add("spring.http.serviceclient.auth-service.base-url", HANGING::baseUrl);
    // long enough that the waiting requests are certainly still waiting when the check runs
    registry.add("fieldops.peers.auth-service.timeout", () -> "20s");
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> POOL);
    registry.add("spring.datasource.hikari.connection-timeout", () -> "250");
  }

  private Http as(TestUser user) {
    HANGING.register(user);
    return Http.to(port).bearer(TestTokenIssuer.shared().token(user));
  }

  @Test
  void requestsWaitingForAuthServiceHoldNoDatabaseConnection() throws Exception {
    TestUser member = TestUser.customer(UUID.randomUUID());
    assertThat(
            as(member).postJson(CUSTOMERS + "profile/create/", "{\"city\": \"Bangkok\"}").status())
        .isEqualTo(201);

    HANGING.hang();
    List<CompletableFuture<Http.Response>> waiting = new ArrayList<>();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      try {
        for (int i = 0; i < WAITING; i++) {
          // each in an organisation whose phone region nobody has asked for yet
          Http agent = as(TestUser.agent(UUID.randomUUID()));
          String body =
              i % 2 == 0
                  ? "{\"full_name\": \"Waiting %d\", \"mobile\": \"081-234-56%02d\"}"
                      .formatted(i, i)
                  : null;
          waiting.add(
              CompletableFuture.supplyAsync(
                  () ->
                      body != null
                          ? agent.postJson(CUSTOMERS + "clients/", body)
                          : agent.get(CUSTOMERS + "?search=somchai"),
                  callers));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> HANGING.waiting() >= WAITING);

        // needs the database only (identity from the token, no phone): answered meanwhile
        Http.Response profile = as(member).get(CUSTOMERS + "profile/");
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        assertThat(profile.json().path("city").asString()).isEqualTo("Bangkok");
        assertThat(waiting).noneMatch(CompletableFuture::isDone);
      } finally {
        HANGING.release();
      }
      // released, they all finish normally
      for (CompletableFuture<Http.Response> request : waiting) {
        Http.Response answer = request.get();
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
      }
    }
  }
}
