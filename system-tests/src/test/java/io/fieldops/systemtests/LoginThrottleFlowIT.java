package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Through the real gateway to the real auth-service, from two client addresses: one guessing a
 * password 25 times is slowed down, the other, behind the same gateway, still logs in. (Before,
 * auth-service saw the gateway's address for everyone, so 20 failures by anyone locked every login
 * through it.)
 */
class LoginThrottleFlowIT extends SystemTest {

  private static final String PASSWORD = "Tr0ub4dor&3-horse";

  @Test
  void oneClientFailingDoesNotLockOutAnotherBehindTheSameGateway() {
    String victim = register("victim");
    String other = register("other");
    Gateway guesser = gateway().from("127.0.0.2");
    Gateway colleague = gateway().from("127.0.0.3");

    int slowedDown = 0;
    for (int i = 0; i < 25; i++) {
      GatewayResponse guess =
          guesser.post(
              "/api/auth/login/",
              "{\"email\": \"%s\", \"password\": \"guess-%d\"}".formatted(victim, i));
      assertThat(guess.status()).as(guess.toString()).isIn(401, 429);
      if (guess.status() == 429) {
        slowedDown++;
        assertThat(guess.headers().firstValue("Retry-After")).isPresent();
      }
    }
    assertThat(slowedDown).as("the guesser is slowed down").isPositive();

    GatewayResponse login =
        colleague.post(
            "/api/auth/login/",
            "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(other, PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
  }

  private String register(String who) {
    String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    GatewayResponse registered =
        gateway()
            .post(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Lin", "last_name": "Kaew",
                 "password1": "%s", "password2": "%s"}
                """
                    .formatted(email, PASSWORD, PASSWORD));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    return email;
  }
}
